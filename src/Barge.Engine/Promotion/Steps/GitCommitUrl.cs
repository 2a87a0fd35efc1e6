using Barge.Resources.Identity;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The web address of a commit at a git hosting provider (kargo-steps.md §2.8), built from the
/// repository URL: the configured provider, else the one the host name suggests. Always
/// <c>https://</c>, never with user info. Two deliberate improvements on Kargo (§8 item 7): Azure
/// DevOps repositories get a URL, and SCP-style URLs are recognised without naming the provider.
/// </summary>
internal static class GitCommitUrl
{
    public static readonly string[] Providers = ["azure", "bitbucket", "gitea", "github", "gitlab"];

    /// <summary>The commit URL, or null when no provider fits or the URL does not suit it.</summary>
    public static string? Build(string repoUrl, string? provider, string commit)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        if (Split(repoUrl) is not var (host, path) || host.Length == 0 || path.Length == 0)
        {
            return null;
        }
        provider ??= Infer(host);
        switch (provider)
        {
            case "github":
                return path.Count(c => c == '/') == 2 ? $"https://{host}{path}/commit/{commit}" : null;
            case "gitlab":
                return $"https://{host}{path}/-/commit/{commit}";
            case "gitea":
                return $"https://{host}{path}/commit/{commit}";
            case "bitbucket":
                return $"https://{host}{path}/commits/{commit}";
            case "azure":
                var azurePath = path.StartsWith("/v3/", StringComparison.Ordinal) ? path[3..] : path;
                return $"https://dev.azure.com{azurePath}/commit/{commit}";
            default:
                return null;
        }
    }

    private static string? Infer(string host)
    {
        var name = host.Split(':')[0];
        if (name.Contains("github", StringComparison.Ordinal) || name.EndsWith(".ghe.com", StringComparison.Ordinal))
        {
            return "github";
        }
        if (name.Contains("gitlab", StringComparison.Ordinal))
        {
            return "gitlab";
        }
        if (name.Contains("gitea", StringComparison.Ordinal))
        {
            return "gitea";
        }
        if (name == "bitbucket.org")
        {
            return "bitbucket";
        }
        return name == "dev.azure.com" || name == "ssh.dev.azure.com" || name.EndsWith("visualstudio.com", StringComparison.Ordinal) ? "azure" : null;
    }

    /// <summary>Host (with port) and path (leading <c>/</c>, no <c>.git</c>, no trailing <c>/</c>), lower-cased.</summary>
    private static (string Host, string Path)? Split(string repoUrl)
    {
        var text = repoUrl.Trim().ToLowerInvariant();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // SCP-style user@host:path becomes ssh://user@host/path.
            text = RepoUrls.NormalizeGit(text);
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ssh" or "git"))
        {
            return null;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
        {
            path = path[..^4];
        }
        return (uri.IsDefaultPort ? uri.Host : uri.Authority, path);
    }
}
