using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion;

/// <summary>
/// Reads the properties of one JSON object of a step configuration and records schema violations
/// (required, type, minLength, minItems, additional properties) under the object's field path.
/// A reader never throws on bad input; it returns null and records the problem.
/// </summary>
internal readonly record struct ConfigObject(JsonObject Json, string Path, StepConfigErrors Errors)
{
    private string Self => Path.Length == 0 ? "(root)" : Path;

    public string Field(string name) => Path.Length == 0 ? name : Path + "." + name;

    public bool Has(string name) => Json.ContainsKey(name);

    /// <summary>True when the property is absent, null or the empty string (the schemas' "absent or empty").</summary>
    public bool IsAbsentOrEmpty(string name) =>
        !Json.TryGetPropertyValue(name, out var node) || node is null
        || (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0);

    public void Require(params string[] names)
    {
        foreach (var name in names)
        {
            if (!Json.ContainsKey(name))
            {
                Errors.Add(Self, name + " is required");
            }
        }
    }

    public void AllowOnly(params string[] names)
    {
        foreach (var (key, _) in Json)
        {
            if (System.Array.IndexOf(names, key) < 0)
            {
                Errors.Add(Self, "Additional property " + key + " is not allowed");
            }
        }
    }

    public string? String(string name, int minLength = 0)
    {
        if (!Json.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (!IsType(node, JsonValueKind.String, name, "string"))
        {
            return null;
        }
        var value = node!.GetValue<string>();
        if (value.Length < minLength)
        {
            Errors.Add(Field(name), "String length must be greater than or equal to " + minLength.ToString(CultureInfo.InvariantCulture));
        }
        return value;
    }

    public bool? Bool(string name)
    {
        if (!Json.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is not null && node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }
        Errors.Add(Field(name), "Invalid type. Expected: boolean, given: " + TypeName(node));
        return null;
    }

    public JsonArray? Array(string name, int minItems = 0)
    {
        if (!Json.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (node is not JsonArray array)
        {
            Errors.Add(Field(name), "Invalid type. Expected: array, given: " + TypeName(node));
            return null;
        }
        if (array.Count < minItems)
        {
            Errors.Add(Field(name), "Array must have at least " + minItems.ToString(CultureInfo.InvariantCulture) + " items");
        }
        return array;
    }

    /// <summary>The string items of an array property, each checked for type and minimum length.</summary>
    public IReadOnlyList<string>? StringArray(string name, int minItems = 0, int minLength = 0)
    {
        var array = Array(name, minItems);
        if (array is null)
        {
            return null;
        }
        var items = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var field = Field(name) + "." + i.ToString(CultureInfo.InvariantCulture);
            var item = array[i];
            if (item is null || item.GetValueKind() != JsonValueKind.String)
            {
                Errors.Add(field, "Invalid type. Expected: string, given: " + TypeName(item));
                continue;
            }
            var value = item.GetValue<string>();
            if (value.Length < minLength)
            {
                Errors.Add(field, "String length must be greater than or equal to " + minLength.ToString(CultureInfo.InvariantCulture));
            }
            items.Add(value);
        }
        return items;
    }

    /// <summary>The object items of an array property, as readers (non-objects are reported).</summary>
    public IReadOnlyList<ConfigObject>? ObjectArray(string name, int minItems = 0)
    {
        var array = Array(name, minItems);
        if (array is null)
        {
            return null;
        }
        var items = new List<ConfigObject>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var field = Field(name) + "." + i.ToString(CultureInfo.InvariantCulture);
            if (array[i] is JsonObject item)
            {
                items.Add(new ConfigObject(item, field, Errors));
            }
            else
            {
                Errors.Add(field, "Invalid type. Expected: object, given: " + TypeName(array[i]));
            }
        }
        return items;
    }

    public void Add(string description) => Errors.Add(Self, description);

    private bool IsType(JsonNode? node, JsonValueKind kind, string name, string expected)
    {
        if (node is not null && node.GetValueKind() == kind)
        {
            return true;
        }
        Errors.Add(Field(name), "Invalid type. Expected: " + expected + ", given: " + TypeName(node));
        return false;
    }

    /// <summary>The JSON schema type name of a value (<c>integer</c> for whole numbers).</summary>
    public static string TypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Number => double.IsInteger(Formats.GoFormat.ToDouble(node)) ? "integer" : "number",
        _ => "unknown",
    };
}
