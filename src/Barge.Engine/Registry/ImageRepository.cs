using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;

namespace Barge.Engine.Registry;

/// <summary>
/// An image repository in a registry, parsed from a subscription's <c>repoURL</c>
/// (<c>host[:port]/path</c>, no tag). Loopback registries are spoken to over plain HTTP, every
/// other registry over HTTPS.
/// </summary>
public sealed partial record ImageRepository(string Host, string Path, bool PlainHttp)
{
    /// <summary>The registry's base address, for example <c>https://registry.example.com</c>.</summary>
    public Uri BaseUri => new((PlainHttp ? "http://" : "https://") + Host);

    /// <summary>The repository as written in Kargo: <c>host/path</c>.</summary>
    public string Name => Host + "/" + Path;

    public override string ToString() => Name;

    /// <summary>
    /// Parses <paramref name="repoUrl"/>. A URL without a registry host is an error (Barge does not
    /// assume a default public registry); a tag or digest suffix is an error too.
    /// </summary>
    public static bool TryParse(string repoUrl, [NotNullWhen(true)] out ImageRepository? repository, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        repository = null;
        var text = repoUrl.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            var scheme = text[..text.IndexOf("://", StringComparison.Ordinal)];
            if (!scheme.Equals("oci", StringComparison.OrdinalIgnoreCase))
            {
                error = $"image repository \"{repoUrl}\": a repoURL has no scheme (write host/path, not {scheme}://host/path)";
                return false;
            }
            text = text[(scheme.Length + 3)..];
        }
        if (text.Contains('@', StringComparison.Ordinal) || !RepoUrlPattern().IsMatch(text))
        {
            error = $"image repository \"{repoUrl}\" is not of the form host[:port]/path (lower-case path, no tag or digest)";
            return false;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? text : text[..slash];
        if (slash < 0 || !(first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            error = $"image repository \"{repoUrl}\" names no registry host; write it as host/path (for example registry.example.com/{text})";
            return false;
        }
        var path = text[(slash + 1)..];
        if (path.Any(char.IsUpper))
        {
            error = $"image repository \"{repoUrl}\": the repository path must be lower-case";
            return false;
        }
        repository = new ImageRepository(first.ToLowerInvariant(), path, IsLoopback(first));
        error = null;
        return true;
    }

    internal static bool IsLoopback(string hostAndPort)
    {
        var host = hostAndPort;
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            host = end > 0 ? host[1..end] : host;
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            host = host[..host.IndexOf(':', StringComparison.Ordinal)];
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    // Kargo's ImageSubscription repoURL pattern (api/v1alpha1/zz_subscription_types.go).
    [GeneratedRegex(@"^(\w+([\.-]\w+)*(:[\d]+)?/)?(\w+([\.-]\w+)*)(/\w+([\.-]\w+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepoUrlPattern();
}
