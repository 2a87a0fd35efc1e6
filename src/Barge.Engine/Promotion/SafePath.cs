namespace Barge.Engine.Promotion;

/// <summary>
/// Resolves user-supplied paths inside a promotion's work directory the way Kargo's secure join
/// does: the work directory acts as a filesystem root, so <c>..</c> never climbs above it, an
/// absolute path is read as relative to it, and every symlink met on the way is evaluated as if the
/// work directory were <c>/</c>. The result is always inside the work directory.
/// </summary>
internal static class SafePath
{
    private const int MaxLinks = 255;

    /// <summary>The confined absolute path of <paramref name="unsafePath"/> under <paramref name="root"/>.</summary>
    /// <exception cref="IOException">More than 255 symlinks were followed (a link loop).</exception>
    public static string Join(string root, string unsafePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(unsafePath);
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var pending = new Stack<string>(Reverse(Split(unsafePath)));
        var current = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }
                continue;
            }
            var candidate = Combine(root, current, part);
            var info = new FileInfo(candidate);
            if (info.LinkTarget is not { } target)
            {
                current.Add(part);
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links while resolving \"{unsafePath}\"");
            }
            if (Path.IsPathRooted(target))
            {
                current.Clear();
            }
            foreach (var linkPart in Reverse(Split(target)))
            {
                pending.Push(linkPart);
            }
        }
        return Combine(root, current, null);
    }

    /// <summary>
    /// The path with every symlink on the way resolved (no confinement), as Go's
    /// <c>filepath.EvalSymlinks</c>; null when a component does not exist or links loop.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Reverse(full[resolved.Length..].Split('/')));
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }
            var candidate = Path.Combine(resolved, part);
            var info = new FileInfo(candidate);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }
                if (Path.IsPathRooted(target))
                {
                    resolved = Path.GetPathRoot(target)!;
                }
                foreach (var linkPart in Reverse(target.Split('/')))
                {
                    pending.Push(linkPart);
                }
                continue;
            }
            if (!info.Exists && !Directory.Exists(candidate))
            {
                return null;
            }
            resolved = candidate;
        }
        return resolved;
    }

    /// <summary>True when an entry exists at <paramref name="path"/>, without following a final symlink.</summary>
    public static bool EntryExists(string path) =>
        new FileInfo(path).LinkTarget is not null || File.Exists(path) || Directory.Exists(path);

    /// <summary>True when <paramref name="path"/> (absolute, normalised) is <paramref name="root"/> or below it.</summary>
    public static bool IsInside(string root, string path)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string[] Split(string path) => path.Split('/');

    private static IEnumerable<string> Reverse(string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            yield return parts[i];
        }
    }

    private static string Combine(string root, List<string> parts, string? last)
    {
        var all = new List<string>(parts.Count + 2) { root };
        all.AddRange(parts);
        if (last is not null)
        {
            all.Add(last);
        }
        return Path.Combine([.. all]);
    }
}
