using System.Text.Json;
using Barge.Storage;

namespace Barge.Engine.Controllers.Stages;

/// <summary>
/// What the Stage reconciler's <c>KeysFor</c> needs to map a change to Stages without reading the store:
/// per project, the Stages requesting each origin Warehouse and the Stages downstream of each Stage
/// (<c>requestedFreight[].sources.stages</c>). Fed by the change feed (Stage changes), so a burst of
/// Freight costs no store list. Thread-safe.
/// </summary>
internal sealed class StageIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Project, string Stage), StageLinks> _stages = [];

    /// <summary>Records (or replaces) a Stage's links from its stored spec.</summary>
    public void Put(StoredResource stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var links = StageLinks.Parse(stage.Spec);
        lock (_lock)
        {
            _stages[(stage.Key.Project, stage.Key.Name)] = links;
        }
    }

    public void Remove(ResourceKey stage)
    {
        lock (_lock)
        {
            _stages.Remove((stage.Project, stage.Name));
        }
    }

    /// <summary>The Stages of <paramref name="project"/> that request Freight from Warehouse <paramref name="warehouse"/>.</summary>
    public IReadOnlyList<string> RequestingOrigin(string project, string warehouse)
    {
        lock (_lock)
        {
            return [.. _stages.Where(e => e.Key.Project == project && e.Value.Origins.Contains(warehouse)).Select(e => e.Key.Stage)];
        }
    }

    /// <summary>The Stages of <paramref name="project"/> that take Freight from Stage <paramref name="upstream"/>.</summary>
    public IReadOnlyList<string> Downstream(string project, string upstream)
    {
        lock (_lock)
        {
            return [.. _stages.Where(e => e.Key.Project == project && e.Value.Upstream.Contains(upstream)).Select(e => e.Key.Stage)];
        }
    }

    /// <summary>Every Stage of <paramref name="project"/>.</summary>
    public IReadOnlyList<string> InProject(string project)
    {
        lock (_lock)
        {
            return [.. _stages.Keys.Where(k => k.Project == project).Select(k => k.Stage)];
        }
    }

    private sealed record StageLinks(HashSet<string> Origins, HashSet<string> Upstream)
    {
        public static StageLinks Parse(JsonElement spec)
        {
            var origins = new HashSet<string>(StringComparer.Ordinal);
            var upstream = new HashSet<string>(StringComparer.Ordinal);
            if (spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("requestedFreight", out var requested) && requested.ValueKind == JsonValueKind.Array)
            {
                foreach (var request in requested.EnumerateArray())
                {
                    if (request.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }
                    if (request.TryGetProperty("origin", out var origin) && origin.ValueKind == JsonValueKind.Object
                        && origin.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        origins.Add(name.GetString()!);
                    }
                    if (request.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Object
                        && sources.TryGetProperty("stages", out var stages) && stages.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var stage in stages.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String))
                        {
                            upstream.Add(stage.GetString()!);
                        }
                    }
                }
            }
            return new StageLinks(origins, upstream);
        }
    }
}
