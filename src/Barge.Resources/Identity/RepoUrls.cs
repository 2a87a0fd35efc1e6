using System.Text;
using System.Text.RegularExpressions;

namespace Barge.Resources.Identity;

/// <summary>
/// Canonical forms of repository URLs, as Kargo's <c>pkg/urls</c> computes them. They decide which
/// subscriptions are duplicates and which artifacts match a subscription, and they feed the Freight
/// ID, so they follow Kargo's rules exactly, including returning unparseable input as it was.
/// </summary>
public static partial class RepoUrls
{
    /// <summary>
    /// Git URLs: lower-cased and stripped of whitespace; http(s) without user info, trailing <c>/</c> and
    /// <c>.git</c>; <c>ssh://</c> likewise but keeping the user; scp-like <c>[user@]host[:path]</c> becomes
    /// <c>ssh://[user@]host[/path]</c>. A URL with a query or that cannot be parsed is returned as given.
    /// Barge extension: <c>file://</c> URLs of local repositories keep their case and lose only a
    /// trailing <c>/</c> and <c>.git</c>.
    /// </summary>
    public static string NormalizeGit(string repoURL)
    {
        ArgumentNullException.ThrowIfNull(repoURL);
        if (repoURL.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            // Barge extension for local repositories: paths are case-sensitive, so only the suffixes go.
            return "file://" + TrimRepoSuffixes(repoURL["file://".Length..].Trim());
        }
        var repo = Sanitize(repoURL.ToLowerInvariant());
        if (repo.Length == 0)
        {
            return repo;
        }
        if (repo.StartsWith("http://", StringComparison.Ordinal) || repo.StartsWith("https://", StringComparison.Ordinal))
        {
            return NormalizeHierarchical(repo, keepUser: false) ?? repoURL;
        }
        if (repo.StartsWith("ssh://", StringComparison.Ordinal))
        {
            return NormalizeHierarchical(repo, keepUser: true) ?? repoURL;
        }
        var scp = ScpSyntax().Match(repo);
        if (!scp.Success)
        {
            return repoURL;
        }
        var path = TrimRepoSuffixes(scp.Groups[2].Value).TrimStart('/');
        return "ssh://" + scp.Groups[1].Value + (path.Length > 0 ? "/" + path : "");
    }

    /// <summary>
    /// Image repositories: lower-cased and parsed as an OCI reference. Docker Hub references become their
    /// repository path without <c>library/</c> (<c>docker.io/library/busybox</c> → <c>busybox</c>); others
    /// become <c>registry/repository</c>. An invalid reference is returned as given.
    /// </summary>
    public static string NormalizeImage(string repoURL)
    {
        ArgumentNullException.ThrowIfNull(repoURL);
        var reference = repoURL.ToLowerInvariant();
        var name = reference;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            name = name[..at];
        }
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            name = name[..colon];
        }
        var firstSlash = name.IndexOf('/', StringComparison.Ordinal);
        string registry;
        string repository;
        if (firstSlash > 0 && IsRegistry(name[..firstSlash]))
        {
            registry = name[..firstSlash];
            repository = name[(firstSlash + 1)..];
        }
        else
        {
            registry = "index.docker.io";
            repository = name;
        }
        if (registry == "docker.io")
        {
            registry = "index.docker.io";
        }
        if (!RegistryPattern().IsMatch(registry) || !RepositoryPattern().IsMatch(repository))
        {
            return repoURL;
        }
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            return repository.StartsWith("library/", StringComparison.Ordinal) ? repository["library/".Length..] : repository;
        }
        return registry + "/" + repository;
    }

    /// <summary>
    /// Chart repositories: sanitized, lower-cased, <c>oci://</c> stripped, then <see cref="NormalizeImage"/>.
    /// Classic <c>https://</c> repositories are not valid OCI references and come back lower-cased as given.
    /// </summary>
    public static string NormalizeChart(string repoURL)
    {
        ArgumentNullException.ThrowIfNull(repoURL);
        var repo = Sanitize(repoURL.ToLowerInvariant());
        if (repo.StartsWith("oci://", StringComparison.Ordinal))
        {
            repo = repo["oci://".Length..];
        }
        return NormalizeImage(repo);
    }

    private static string? NormalizeHierarchical(string repo, bool keepUser)
    {
        if (!Uri.TryCreate(repo, UriKind.Absolute, out _) || BadEscape().IsMatch(repo))
        {
            return null;
        }
        var schemeEnd = repo.IndexOf("://", StringComparison.Ordinal) + 3;
        var rest = repo[schemeEnd..];
        var fragment = "";
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[hash..];
            rest = rest[..hash];
        }
        if (rest.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];
        var userEnd = authority.LastIndexOf('@');
        if (userEnd >= 0 && !keepUser)
        {
            authority = authority[(userEnd + 1)..];
        }
        return repo[..schemeEnd] + authority + TrimRepoSuffixes(path) + fragment;
    }

    private static string TrimRepoSuffixes(string path)
    {
        if (path.EndsWith('/'))
        {
            path = path[..^1];
        }
        return path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path;
    }

    private static string Sanitize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || rune.Value is 0xFEFF or 0x200B or 0x00A0)
            {
                continue;
            }
            result.Append(rune.ToString());
        }
        return result.ToString();
    }

    private static bool IsRegistry(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";

    /// <summary>A <c>%</c> not followed by two hex digits, which Go's URL parser rejects.</summary>
    [GeneratedRegex(@"%(?![0-9a-fA-F]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex BadEscape();

    [GeneratedRegex(@"^((?:[\w-]+@)?[\w-]+(?:\.[\w-]+)*)(?::(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpSyntax();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+([._-][a-z0-9]+|__)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
