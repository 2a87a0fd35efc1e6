namespace Barge.Engine.Discovery.Git;

/// <summary>
/// Go's lexical path functions on <c>/</c>-separated paths (<c>path/filepath.Clean</c> and
/// <c>Rel</c> on Unix), because Kargo's base-directory selector is defined by them: a path is under
/// a base when <c>Rel(base, path)</c> succeeds and contains no <c>..</c> anywhere.
/// </summary>
internal static class GoPath
{
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>The path of <paramref name="target"/> relative to <paramref name="basePath"/>, or null where Go's Rel errs.</summary>
    public static string? Rel(string basePath, string target)
    {
        var b = Clean(basePath);
        var t = Clean(target);
        if (b == t)
        {
            return ".";
        }
        if (b == ".")
        {
            b = string.Empty;
        }
        if ((b.Length > 0 && b[0] == '/') != (t.Length > 0 && t[0] == '/'))
        {
            return null;
        }
        var baseParts = b.Length == 0 ? [] : b.TrimStart('/').Split('/');
        var targetParts = t == "." ? [] : t.TrimStart('/').Split('/');
        var common = 0;
        while (common < baseParts.Length && common < targetParts.Length && baseParts[common] == targetParts[common])
        {
            common++;
        }
        if (common < baseParts.Length && baseParts[common] == "..")
        {
            return null;
        }
        var up = Enumerable.Repeat("..", baseParts.Length - common);
        var result = string.Join('/', up.Concat(targetParts.Skip(common)));
        return result.Length == 0 ? "." : result;
    }
}
