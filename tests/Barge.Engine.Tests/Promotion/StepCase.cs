using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion;

namespace Barge.Engine.Tests.Promotion;

/// <summary>One golden case of a step: the work tree before, the configuration, and what must hold after.</summary>
internal sealed record StepCase(string Name, string Directory, JsonObject Meta, JsonObject Config)
{
    public string Step => Meta["step"]!.GetValue<string>();

    public bool Quirk => Meta["quirk"]?.GetValue<bool>() ?? false;

    public static StepCase Load(string directory)
    {
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "meta.json")))!.AsObject();
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "config.json")))!.AsObject();
        return new StepCase(Path.GetFileName(directory), directory, meta, config);
    }

    /// <summary>Builds the work tree: input/ (without .keep) plus the set-up files, symlinks and empty directories.</summary>
    public void Materialise(string work)
    {
        var input = Path.Combine(Directory, "input");
        if (System.IO.Directory.Exists(input))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(input, file);
                if (Path.GetFileName(relative) == ".keep")
                {
                    continue;
                }
                var target = Path.Combine(work, relative);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        var setup = Meta["setup"]?.AsObject();
        foreach (var (path, contents) in setup?["files"]?.AsObject() ?? [])
        {
            var target = Path.Combine(work, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, contents!.GetValue<string>());
        }
        foreach (var dir in setup?["emptyDirs"]?.AsArray() ?? [])
        {
            System.IO.Directory.CreateDirectory(Path.Combine(work, dir!.GetValue<string>()));
        }
        foreach (var (path, target) in setup?["symlinks"]?.AsObject() ?? [])
        {
            var link = Path.Combine(work, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            File.CreateSymbolicLink(link, target!.GetValue<string>());
        }
    }

    /// <summary>The step context: the work directory plus the Freight, requests and Warehouses of meta.context.</summary>
    public StepContext Context(string work)
    {
        var context = Meta["context"]?.AsObject();
        var freight = new List<PromotedFreight>();
        foreach (var (key, value) in context?["freight"]?.AsObject() ?? [])
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var origin = new FreightOrigin(key[..slash], key[(slash + 1)..]);
            var images = (value?["images"]?.AsArray() ?? []).Select(i => new FreightImage(
                Str(i, "repoURL"), Str(i, "tag"), Str(i, "digest"))).ToList();
            var commits = (value?["commits"]?.AsArray() ?? []).Select(c => new FreightCommit(
                Str(c, "repoURL"), Str(c, "id"), Str(c, "tag"))).ToList();
            freight.Add(new PromotedFreight("freight-" + origin.Name, origin, images, commits));
        }
        var requests = (context?["freightRequests"]?.AsArray() ?? [])
            .Select(r => new FreightOrigin(Str(r?["origin"], "kind"), Str(r?["origin"], "name"))).ToList();
        var warehouses = new Dictionary<string, WarehouseSubscriptions>(StringComparer.Ordinal);
        foreach (var (name, value) in context?["warehouses"]?.AsObject() ?? [])
        {
            var repos = (value?["subscriptions"]?.AsArray() ?? [])
                .Where(s => s?["image"] is not null).Select(s => Str(s!["image"], "repoURL")).ToList();
            warehouses[name] = new WarehouseSubscriptions(name, repos);
        }
        var project = context?["project"]?.GetValue<string>() ?? "test-project";
        return new StepContext(work, project, "test-stage", "test-promotion", freight, requests, warehouses);
    }

    private static string Str(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? "";

    public override string ToString() => Name;

    internal static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
