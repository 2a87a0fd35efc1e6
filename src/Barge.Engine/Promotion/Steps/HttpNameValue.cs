using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>A <c>{name, value}</c> item of an HTTP step's <c>headers</c> or <c>queryParams</c>.</summary>
internal sealed record HttpNameValue(string Name, string Value)
{
    /// <summary>Binds an optional array of <c>{name, value}</c> objects (both required, minLength 1, nothing else).</summary>
    public static IReadOnlyList<HttpNameValue> BindList(ConfigObject root, string property)
    {
        var items = new List<HttpNameValue>();
        foreach (var item in root.ObjectArray(property) ?? [])
        {
            item.Require("name", "value");
            item.AllowOnly("name", "value");
            var name = item.String("name", minLength: 1);
            var value = item.String("value", minLength: 1);
            if (name is not null && value is not null)
            {
                items.Add(new HttpNameValue(name, value));
            }
        }
        return items;
    }

    /// <summary>Binds an optional object of string values (<c>{"X-Token": "…"}</c>), as <c>send-message</c> takes headers.</summary>
    public static IReadOnlyList<HttpNameValue> BindMap(ConfigObject root, string property)
    {
        var items = new List<HttpNameValue>();
        if (!root.Json.TryGetPropertyValue(property, out var node))
        {
            return items;
        }
        if (node is not JsonObject map)
        {
            root.Errors.Add(root.Field(property), "Invalid type. Expected: object, given: " + ConfigObject.TypeName(node));
            return items;
        }
        var reader = new ConfigObject(map, root.Field(property), root.Errors);
        foreach (var (name, _) in map)
        {
            if (reader.String(name, minLength: 1) is { } value)
            {
                items.Add(new HttpNameValue(name, value));
            }
        }
        return items;
    }
}
