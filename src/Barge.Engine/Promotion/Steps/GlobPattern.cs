using System.Text.RegularExpressions;
using Barge.Engine.Globbing;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// A doublestar glob (<c>*</c> and <c>?</c> within a segment, <c>**</c> across segments, <c>[…]</c>,
/// <c>{a,b}</c>, <c>\</c> escapes) matched against a directory tree that it can never leave: <c>..</c>
/// matches nothing. Used by <c>delete</c> with <c>pathsAreGlobs</c>.
/// </summary>
internal sealed class GlobPattern
{
    private readonly IReadOnlyList<Regex?> segments; // null = "**"
    private readonly bool directoriesOnly;

    private GlobPattern(IReadOnlyList<Regex?> segments, bool directoriesOnly)
    {
        this.segments = segments;
        this.directoriesOnly = directoriesOnly;
    }

    public static GlobPattern? TryParse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = pattern.Split('/').ToList();
        var directoriesOnly = parts.Count > 1 && parts[^1].Length == 0;
        if (directoriesOnly)
        {
            parts.RemoveAt(parts.Count - 1);
        }
        var regexes = new List<Regex?>();
        foreach (var part in parts)
        {
            if (part == "**")
            {
                regexes.Add(null);
                continue;
            }
            if (DoublestarGlob.ToRegex(part) is not { } regex)
            {
                return null;
            }
            regexes.Add(new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
        }
        return new GlobPattern(regexes, directoriesOnly);
    }

    /// <summary>Every matching path below <paramref name="root"/>, relative with forward slashes, in walk order.</summary>
    public List<string> Matches(string root)
    {
        var found = new List<string>();
        Walk(root, "", 0, found);
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private void Walk(string root, string relative, int index, List<string> found)
    {
        var dir = relative.Length == 0 ? root : Path.Combine(root, relative);
        if (index == segments.Count)
        {
            if (relative.Length > 0 && (!directoriesOnly || Directory.Exists(dir)))
            {
                found.Add(relative);
            }
            return;
        }
        if (!Directory.Exists(dir))
        {
            return;
        }
        var segment = segments[index];
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        if (segment is null)
        {
            Walk(root, relative, index + 1, found);
            foreach (var name in entries)
            {
                var child = Join(relative, name);
                var full = Path.Combine(root, child);
                if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null)
                {
                    Walk(root, child, index, found);
                }
            }
            return;
        }
        foreach (var name in entries.Where(n => segment.IsMatch(n)))
        {
            Walk(root, Join(relative, name), index + 1, found);
        }
    }

    private static string Join(string relative, string name) => relative.Length == 0 ? name : relative + "/" + name;
}
