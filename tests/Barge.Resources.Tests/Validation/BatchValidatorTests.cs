using Barge.Resources.Identity;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Validation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Resources.Tests.Validation;

public sealed class BatchValidatorTests
{
    [Fact]
    public async Task ValidateAsync_GrommetScenario_HasNoProblem()
    {
        var result = TestManifests.Read(TestManifests.Grommet());

        var errors = await BatchValidator.ValidateAsync(result.Documents, new InMemoryLookup([]), CancellationToken.None);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValidateAsync_WarehouseAlreadyStored_SatisfiesTheStage()
    {
        var pipeline = TestManifests.Read(TestManifests.Grommet()).Documents;
        var stored = pipeline.Where(d => d.Resource is Project or Warehouse).Select(d => d.Resource).ToList();
        var stages = pipeline.Where(d => d.Resource is Stage).ToList();

        var errors = await BatchValidator.ValidateAsync(stages, new InMemoryLookup(stored), CancellationToken.None);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValidateAsync_ReappliedFreightWithNewAlias_IsAllowed()
    {
        var first = ReadFreight("alias: brave-otter");
        var second = ReadFreight("alias: calm-heron");

        var errors = await BatchValidator.ValidateAsync(second.Documents, new InMemoryLookup(StoredPipeline().Append(first.Documents[^1].Resource)), CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(first.Documents[^1].Resource.Name, second.Documents[^1].Resource.Name);
    }

    [Fact]
    public void Read_Freight_IsNamedByItsIdWithAliasLabelAndDiscoveredAt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

        var result = ReadFreight("alias: brave-otter", time);

        var freight = Assert.IsType<Freight>(result.Documents[^1].Resource);
        Assert.Equal(FreightId.Compute(freight), freight.Name);
        Assert.Equal(40, freight.Name.Length);
        Assert.Equal("brave-otter", freight.Metadata.Labels![KargoApi.AliasLabel]);
        Assert.Equal(time.GetUtcNow(), freight.DiscoveredAt);
    }

    private static ManifestReadResult ReadFreight(string aliasLine, TimeProvider? time = null)
    {
        var yaml = $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Freight
            metadata:
              name: ignored-recomputed
              namespace: grommet
            {aliasLine}
            origin: {"{"}kind: Warehouse, name: grommet-release{"}"}
            commits:
            - {"{"}repoURL: "http://127.0.0.1:9418/grommet.git", id: abc123, tag: v1.0.0{"}"}
            images:
            - {"{"}repoURL: localhost:5000/grommet, tag: v1.0.0, digest: "sha256:00"{"}"}
            """;
        var result = TestManifests.Read(yaml, new ManifestReaderOptions { Time = time ?? TimeProvider.System });
        Assert.True(result.Succeeded, TestManifests.Errors(result));
        return result;
    }

    private static IEnumerable<Resource> StoredPipeline() =>
        TestManifests.Read(TestManifests.Grommet()).Documents.Select(d => d.Resource);
}
