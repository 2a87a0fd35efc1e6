using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The configuration shared by <c>yaml-update</c>, <c>json-update</c> and <c>toml-update</c>: a file
/// and the key/value updates to apply to it, in order.
/// </summary>
internal sealed record FileUpdates(string Path, IReadOnlyList<FileUpdate> Updates)
{
    /// <summary>Binds and validates the configuration with Kargo's schema messages.</summary>
    public static FileUpdates? Bind(StepConfigErrors errors, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = errors.Root(config);
        root.Require("path", "updates");
        root.AllowOnly("path", "updates");
        var path = root.String("path", minLength: 1);
        var updates = new List<FileUpdate>();
        foreach (var item in root.ObjectArray("updates", minItems: 1) ?? [])
        {
            item.Require("key", "value");
            item.AllowOnly("key", "value");
            var key = item.String("key", minLength: 1);
            item.Json.TryGetPropertyValue("value", out var value);
            updates.Add(new FileUpdate(key ?? "", value));
        }
        return errors.Any || path is null ? null : new FileUpdates(path, updates);
    }
}
