using System.Text.RegularExpressions;

namespace Barge.Engine.Git;

/// <summary>
/// Removes credentials from text before it reaches a log line or an error message: the userinfo of
/// every URL (<c>https://user:token@host</c> → <c>https://***@host</c>).
/// </summary>
internal static partial class UrlRedaction
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('@', StringComparison.Ordinal) ? UserInfo().Replace(text, "${scheme}***@") : text;
    }

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
