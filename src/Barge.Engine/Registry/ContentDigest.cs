using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Barge.Engine.Registry;

/// <summary>Content digests as the Distribution API writes them: <c>sha256:&lt;64 hex&gt;</c>.</summary>
public static partial class ContentDigest
{
    public static string Sha256(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>True for a well-formed digest of an algorithm Barge can verify (sha256, sha512).</summary>
    public static bool IsValid(string? digest) => digest is not null && DigestPattern().IsMatch(digest);

    /// <summary>True when <paramref name="content"/> hashes to <paramref name="digest"/>.</summary>
    public static bool Matches(string digest, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return string.Equals(Sha256(content), digest, StringComparison.Ordinal);
        }
        if (digest.StartsWith("sha512:", StringComparison.Ordinal))
        {
            return string.Equals("sha512:" + Convert.ToHexStringLower(SHA512.HashData(content)), digest, StringComparison.Ordinal);
        }
        return false;
    }

    [GeneratedRegex("^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
