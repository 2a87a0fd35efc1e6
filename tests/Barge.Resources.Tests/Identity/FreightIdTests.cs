using System.Text.Json.Nodes;
using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Identity;

public sealed class FreightIdTests
{
    public static TheoryData<string> ConformanceCases()
    {
        var data = new TheoryData<string>();
        if (RepoPaths.ConformanceDirectory is null)
        {
            data.Add("(conformance vectors absent)");
            return data;
        }
        foreach (var item in LoadCases())
        {
            data.Add(item["case"]!.GetValue<string>());
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(ConformanceCases))]
    public void Compute_ConformanceCase_MatchesKargo(string caseName)
    {
        var item = LoadCases().Single(c => c["case"]!.GetValue<string>() == caseName);
        var freight = new Freight
        {
            Origin = ResourceSerializer.FromJson<FreightOrigin>(item["origin"]!.ToJsonString()),
            Commits = Parse<List<GitCommit>>(item["commits"]),
            Images = Parse<List<Image>>(item["images"]),
            Charts = Parse<List<Chart>>(item["charts"]),
            Artifacts = Parse<List<ArtifactReference>>(item["artifacts"]),
        };

        Assert.Equal(item["preimage"]!.GetValue<string>(), FreightId.Preimage(freight));
        Assert.Equal(item["id"]!.GetValue<string>(), FreightId.Compute(freight));
    }

    [Fact]
    public void Compute_SubscriptionName_ChangesTheId()
    {
        var plain = new Freight
        {
            Origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = "w" },
            Commits = [new GitCommit { RepoURL = "https://example.com/r", Id = "abc" }],
        };
        var named = plain with { Commits = [plain.Commits[0] with { SubscriptionName = "app" }] };

        Assert.NotEqual(FreightId.Compute(plain), FreightId.Compute(named));
        Assert.Equal(FreightId.Compute(named), FreightId.Compute(named with { Alias = "other", Metadata = new ObjectMeta { Name = "x" } }));
    }

    [Fact]
    public void Compute_ArtifactOrder_DoesNotMatter()
    {
        var a = new Image { RepoURL = "example.com/a", Tag = "1" };
        var b = new Image { RepoURL = "example.com/b", Tag = "1" };
        var origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = "w" };

        Assert.Equal(
            FreightId.Compute(new Freight { Origin = origin, Images = [a, b] }),
            FreightId.Compute(new Freight { Origin = origin, Images = [b, a] }));
    }

    private static T? Parse<T>(JsonNode? node) where T : class =>
        node is null ? null : ResourceSerializer.FromJson<T>(node.ToJsonString());

    private static List<JsonObject> LoadCases()
    {
        var path = RepoPaths.Conformance("freight-id.yaml");
        var (documents, error) = YamlTreeBuilder.Read(path, File.ReadAllText(path));
        Assert.Null(error);
        return [.. documents.Single().Root!.AsArray().Select(n => n!.AsObject())];
    }
}
