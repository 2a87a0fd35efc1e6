using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// Compiles the user's regular expressions (tag allow/ignore lists, <c>regex:</c> path selectors).
/// Kargo uses Go's RE2, which has no backtracking; the linear-time engine is the closest match:
/// it refuses backreferences and lookarounds as RE2 does, and no pattern can run away on a long tag.
/// </summary>
internal static class TagPatterns
{
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            error = null;
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            regex = null;
            error = e.Message;
            return false;
        }
    }
}
