using System.Globalization;
using System.Text.Json;

namespace Barge.Engine.Verification;

/// <summary>
/// The subset of Kubernetes JSONPath a web metric's <c>jsonPath</c> may use: optional braces, a root
/// (<c>$</c> or a leading dot), member names (<c>.a</c>, <c>['a']</c>) and array indexes (<c>[0]</c>,
/// <c>[-1]</c>). Filters, wildcards, slices and recursive descent are refused when the run starts.
/// </summary>
internal sealed class JsonPathQuery
{
    private readonly IReadOnlyList<object> _segments;

    private JsonPathQuery(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>The query, or null with the reason when the path is outside the subset. An empty path selects the whole body.</summary>
    public static JsonPathQuery? Parse(string? text, out string? error)
    {
        error = null;
        var path = (text ?? "").Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1].Trim();
        }
        if (path.StartsWith('$'))
        {
            path = path[1..];
        }
        var segments = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }
                var name = path[start..i];
                if (name.Length == 0 || name is "*" || name.StartsWith('.'))
                {
                    return Refuse(text, "an empty member name, a wildcard or recursive descent", out error);
                }
                segments.Add(name);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return Refuse(text, "an unclosed '['", out error);
                }
                var inner = path[(i + 1)..end].Trim();
                if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    segments.Add(inner[1..^1]);
                }
                else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(index);
                }
                else
                {
                    return Refuse(text, $"the selector [{inner}] (only names and integer indexes)", out error);
                }
                i = end + 1;
            }
            else
            {
                return Refuse(text, $"the character '{path[i]}' at position {i}", out error);
            }
        }
        return new JsonPathQuery(text ?? "", segments);
    }

    /// <summary>The selected value, or null with the reason when a member or index is missing.</summary>
    public JsonElement? Select(JsonElement root, out string? error)
    {
        error = null;
        var current = root;
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case string name when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child):
                    current = child;
                    break;
                case int index when current.ValueKind == JsonValueKind.Array:
                    var length = current.GetArrayLength();
                    var at = index < 0 ? length + index : index;
                    if (at < 0 || at >= length)
                    {
                        error = $"jsonPath {Text}: index {index} is out of range (the array has {length} items)";
                        return null;
                    }
                    current = current[at];
                    break;
                default:
                    error = $"jsonPath {Text}: {segment} is not found in the response";
                    return null;
            }
        }
        return current;
    }

    private static JsonPathQuery? Refuse(string? text, string what, out string? error)
    {
        error = $"jsonPath \"{text}\" uses {what}, which Barge does not support; supported: {{$.a.b[0]}}, $.a['b'], .a[-1]";
        return null;
    }
}
