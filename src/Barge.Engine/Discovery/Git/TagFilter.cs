using System.Text.RegularExpressions;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// <c>ignoreTagsRegexes</c> then <c>allowTagsRegexes</c>: a tag matching any ignore pattern is
/// dropped; otherwise, when allow patterns exist, one must match. Patterns are unanchored.
/// </summary>
internal sealed class TagFilter(IReadOnlyList<Regex> allow, IReadOnlyList<Regex> ignore)
{
    public bool Matches(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (ignore.Any(regex => regex.IsMatch(tag)))
        {
            return false;
        }
        return allow.Count == 0 || allow.Any(regex => regex.IsMatch(tag));
    }
}
