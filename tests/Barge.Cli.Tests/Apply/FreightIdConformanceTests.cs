using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Testing;
using Xunit;
using YamlDotNet.Serialization;

namespace Barge.Cli.Tests.Apply;

/// <summary>
/// Every case of conformance/freight-id.yaml goes through <c>barge apply</c> of a Freight manifest (with
/// a Warehouse whose subscriptions its artifacts match, as Kargo's webhook demands) and comes back from
/// <c>barge get freight -o json</c> under the vector's ID.
/// </summary>
public sealed class FreightIdConformanceTests : IDisposable
{
    private const string Project = "conformance";

    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (RepoPaths.ConformanceDirectory is null)
        {
            data.Add("(conformance folder missing)");
            return data;
        }
        foreach (var item in Load())
        {
            data.Add(item["case"]!.GetValue<string>());
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public async Task ApplyThenGet_FreightManifest_IsStoredUnderTheVectorId(string caseName)
    {
        var vector = Load().Single(c => c["case"]!.GetValue<string>() == caseName);
        var origin = vector["origin"]!.AsObject();
        var file = Path.Combine(_work.Path, "freight.yaml");
        await File.WriteAllTextAsync(file, string.Join("\n---\n", Project_(), Warehouse(origin["name"]!.GetValue<string>(), vector), Freight(vector)));
        var run = new BargeRun(_home.Path);

        var applied = await run.RunAsync("apply", "-f", file);

        var expectedId = vector["id"]!.GetValue<string>();
        if (origin["kind"]!.GetValue<string>() != "Warehouse")
        {
            // Kargo's API only knows Warehouse origins, so its webhook rejects this unit-test input: so do we.
            Assert.True(applied.ExitCode == 2, applied.ToString());
            Assert.Contains("origin.kind", applied.Error, StringComparison.Ordinal);
            return;
        }
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains($"freight.kargo.akuity.io/{expectedId} created", applied.Output, StringComparison.Ordinal);

        var got = await run.RunAsync("get", "freight", "-p", Project, "-o", "json");

        Assert.True(got.ExitCode == 0, got.ToString());
        var freight = JsonNode.Parse(got.Output)!.AsObject();
        Assert.Equal("Freight", freight["kind"]!.GetValue<string>());
        Assert.Equal(expectedId, freight["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(freight["alias"]!.GetValue<string>(), freight["metadata"]!["labels"]!["kargo.akuity.io/alias"]!.GetValue<string>());
    }

    private static List<JsonObject> Load()
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(RepoPaths.Conformance("freight-id.yaml")));
        return [.. JsonSerializer.SerializeToNode(yaml)!.AsArray().Select(n => n!.AsObject())];
    }

    private static string Project_() => """{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"conformance"}}""";

    private static string Warehouse(string name, JsonObject vector)
    {
        var subscriptions = new JsonArray();
        foreach (var commit in Items(vector, "commits"))
        {
            subscriptions.Add(new JsonObject { ["git"] = new JsonObject { ["repoURL"] = commit["repoURL"]!.DeepClone() } });
        }
        foreach (var image in Items(vector, "images"))
        {
            subscriptions.Add(new JsonObject { ["image"] = new JsonObject { ["repoURL"] = image["repoURL"]!.DeepClone() } });
        }
        foreach (var chart in Items(vector, "charts"))
        {
            var subscription = new JsonObject { ["repoURL"] = chart["repoURL"]!.DeepClone() };
            if (chart["name"] is { } chartName)
            {
                subscription["name"] = chartName.DeepClone();
            }
            subscriptions.Add(new JsonObject { ["chart"] = subscription });
        }
        foreach (var artifact in Items(vector, "artifacts"))
        {
            subscriptions.Add(new JsonObject { ["name"] = artifact["subscriptionName"]!.DeepClone(), ["example"] = new JsonObject() });
        }
        return new JsonObject
        {
            ["apiVersion"] = "kargo.akuity.io/v1alpha1",
            ["kind"] = "Warehouse",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Project },
            ["spec"] = new JsonObject { ["subscriptions"] = subscriptions },
        }.ToJsonString();
    }

    private static string Freight(JsonObject vector)
    {
        var freight = new JsonObject
        {
            ["apiVersion"] = "kargo.akuity.io/v1alpha1",
            ["kind"] = "Freight",
            ["metadata"] = new JsonObject { ["name"] = "named-by-its-id", ["namespace"] = Project },
            ["origin"] = vector["origin"]!.DeepClone(),
        };
        foreach (var field in new[] { "commits", "images", "charts", "artifacts" })
        {
            if (vector[field] is { } value)
            {
                freight[field] = value.DeepClone();
            }
        }
        return freight.ToJsonString();
    }

    private static IEnumerable<JsonObject> Items(JsonObject vector, string field) =>
        (vector[field] as JsonArray)?.Select(n => n!.AsObject()) ?? [];
}
