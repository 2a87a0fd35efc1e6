using System.Text.Json;

namespace Barge.Storage.Selection;

/// <summary>
/// A test on one JSON path of a resource's spec or status, such as Freight by <c>spec.origin.name</c>,
/// Promotions by <c>spec.stage</c>, Freight by existence of <c>status.currentlyIn.&lt;stage&gt;</c>.
/// The path is a list of object member names, so a member may itself contain dots (<c>["currentlyIn", "eu.prod"]</c>).
/// </summary>
public sealed record FieldFilter
{
    private FieldFilter(FieldRoot root, IReadOnlyList<string> path, FieldOperator op, string? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            throw new ArgumentException($"field filter on {root}: the path is empty", nameof(path));
        }
        foreach (var segment in path)
        {
            if (string.IsNullOrEmpty(segment) || segment.Contains('"', StringComparison.Ordinal) || segment.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"field filter on {root}: path member \"{segment}\" is empty or holds a quote or backslash", nameof(path));
            }
        }
        Root = root;
        Path = path;
        Operator = op;
        Value = value;
    }

    public FieldRoot Root { get; }

    public IReadOnlyList<string> Path { get; }

    public FieldOperator Operator { get; }

    /// <summary>The string compared for (Not)Equals; null for (Does Not)Exist.</summary>
    public string? Value { get; }

    public static FieldFilter Equal(FieldRoot root, IReadOnlyList<string> path, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(root, path, FieldOperator.Equals, value);
    }

    public static FieldFilter NotEqual(FieldRoot root, IReadOnlyList<string> path, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(root, path, FieldOperator.NotEquals, value);
    }

    public static FieldFilter Exists(FieldRoot root, IReadOnlyList<string> path) => new(root, path, FieldOperator.Exists, null);

    public static FieldFilter DoesNotExist(FieldRoot root, IReadOnlyList<string> path) => new(root, path, FieldOperator.DoesNotExist, null);

    /// <summary>
    /// The filter in dotted form, <c>spec.origin.name=grommet</c>, <c>status.currentlyIn.dev</c> (exists),
    /// <c>!status.currentlyIn.dev</c>, <c>spec.stage!=prod</c>. Members split on every dot; use the
    /// factory methods for members that contain dots.
    /// </summary>
    public static FieldFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negated = text.StartsWith('!');
        var body = negated ? text[1..] : text;
        string? value = null;
        var op = negated ? FieldOperator.DoesNotExist : FieldOperator.Exists;
        var ne = body.IndexOf("!=", StringComparison.Ordinal);
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        if (!negated && ne >= 0)
        {
            value = body[(ne + 2)..];
            body = body[..ne];
            op = FieldOperator.NotEquals;
        }
        else if (!negated && eq >= 0)
        {
            var skip = body.AsSpan(eq).StartsWith("==") ? 2 : 1;
            value = body[(eq + skip)..];
            body = body[..eq];
            op = FieldOperator.Equals;
        }
        var parts = body.Trim().Split('.');
        var root = parts[0] switch
        {
            "spec" => FieldRoot.Spec,
            "status" => FieldRoot.Status,
            _ => throw new FormatException($"field filter \"{text}\": the path must start with \"spec.\" or \"status.\""),
        };
        if (parts.Length < 2)
        {
            throw new FormatException($"field filter \"{text}\": no member after \"{parts[0]}\"");
        }
        try
        {
            return new FieldFilter(root, parts[1..], op, value?.Trim());
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"field filter \"{text}\": {e.Message}", e);
        }
    }

    /// <summary>Evaluates the filter on a resource in memory (as the SQL form does in the store).</summary>
    public bool Matches(StoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        JsonElement? current = Root == FieldRoot.Spec ? resource.Spec : resource.Status;
        foreach (var member in Path)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(member, out var next))
            {
                current = null;
                break;
            }
            current = next;
        }
        var isEqual = current is { ValueKind: JsonValueKind.String } s && s.GetString() == Value;
        return Operator switch
        {
            FieldOperator.Equals => isEqual,
            FieldOperator.NotEquals => !isEqual,
            FieldOperator.Exists => current is not null,
            FieldOperator.DoesNotExist => current is null,
            _ => throw new InvalidOperationException($"unknown field operator {Operator}"),
        };
    }

    public override string ToString()
    {
        var path = (Root == FieldRoot.Spec ? "spec." : "status.") + string.Join('.', Path);
        return Operator switch
        {
            FieldOperator.Equals => $"{path}={Value}",
            FieldOperator.NotEquals => $"{path}!={Value}",
            FieldOperator.Exists => path,
            _ => "!" + path,
        };
    }
}
