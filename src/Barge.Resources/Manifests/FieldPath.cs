using System.Text;

namespace Barge.Resources.Manifests;

/// <summary>
/// Field paths as errors show them: <c>spec.steps[2].config</c>, and <c>metadata.labels['a.b/c']</c>
/// for keys that are not plain identifiers.
/// </summary>
public static class FieldPath
{
    /// <summary>The path of a field of the object at <paramref name="parent"/>.</summary>
    public static string Child(string parent, string key)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(key);
        if (IsIdentifier(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }
        return parent + "['" + key.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>The path of an item of the list at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>The parent of a path ("" for a top-level field).</summary>
    public static string Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "";
        }
        if (path[^1] == ']')
        {
            var open = path.EndsWith("']", StringComparison.Ordinal)
                ? path.LastIndexOf("['", StringComparison.Ordinal)
                : path.LastIndexOf('[');
            return path[..Math.Max(open, 0)];
        }
        var dot = path.LastIndexOf('.');
        var bracket = path.LastIndexOf(']');
        return dot > bracket ? path[..dot] : bracket >= 0 ? path[..(bracket + 1)] : "";
    }

    /// <summary>Converts a System.Text.Json exception path (<c>$.a.b[0]['x.y']</c>) to this format.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }
        var result = "";
        var i = jsonPath[0] == '$' ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = i + 1;
                while (end < jsonPath.Length && jsonPath[end] != '.' && jsonPath[end] != '[')
                {
                    end++;
                }
                result = Child(result, jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath[i] == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var key = new StringBuilder();
                var j = i + 2;
                while (j < jsonPath.Length && !(jsonPath[j] == '\'' && j + 1 < jsonPath.Length && jsonPath[j + 1] == ']'))
                {
                    key.Append(jsonPath[j]);
                    j++;
                }
                result = Child(result, key.ToString());
                i = j + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var close = jsonPath.IndexOf(']', i);
                if (close < 0)
                {
                    break;
                }
                result += jsonPath[i..(close + 1)];
                i = close + 1;
            }
            else
            {
                i++;
            }
        }
        return result;
    }

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '$'))
            {
                return false;
            }
        }
        return true;
    }
}
