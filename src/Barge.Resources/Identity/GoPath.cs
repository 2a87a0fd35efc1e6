using System.Text;

namespace Barge.Resources.Identity;

/// <summary>
/// Go's <c>path.Join</c>/<c>path.Clean</c> for slash-separated paths, which Kargo's Freight ID uses to
/// join a chart repository and name. Reproduced exactly (it collapses <c>//</c>, drops <c>.</c> and
/// resolves <c>..</c>) because the result is hashed.
/// </summary>
internal static class GoPath
{
    public static string Join(params string[] parts)
    {
        var nonEmpty = parts.Where(p => p.Length > 0).ToArray();
        return nonEmpty.Length == 0 ? "" : Clean(string.Join('/', nonEmpty));
    }

    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var rooted = path[0] == '/';
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (output.Count > 0 && output[^1] != "..")
                {
                    output.RemoveAt(output.Count - 1);
                }
                else if (!rooted)
                {
                    output.Add("..");
                }
                continue;
            }
            output.Add(segment);
        }
        var result = new StringBuilder();
        if (rooted)
        {
            result.Append('/');
        }
        result.AppendJoin('/', output);
        return result.Length == 0 ? "." : result.ToString();
    }
}
