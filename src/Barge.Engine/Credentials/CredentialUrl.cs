namespace Barge.Engine.Credentials;

/// <summary>
/// The repository-URL normalisation used when a Secret's <c>repoURL</c> is compared with a
/// subscription's: case-insensitive, without a trailing slash, and for git without <c>.git</c>.
/// </summary>
internal static class CredentialUrl
{
    public static string Normalize(CredentialType type, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim().ToLowerInvariant().TrimEnd('/');
        if (type == CredentialType.Git && text.EndsWith(".git", StringComparison.Ordinal))
        {
            text = text[..^4];
        }
        return text;
    }
}
