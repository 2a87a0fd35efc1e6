using System.Text;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Manifests;

public sealed class ManifestReaderTests
{
    [Fact]
    public void ReadText_GrommetScenario_ReadsEveryDocumentWithoutError()
    {
        var result = TestManifests.Read(TestManifests.Grommet());

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        Assert.Equal(
            ["Project/grommet", "Warehouse/grommet-dev", "Warehouse/grommet-release", "PromotionTask/deploy", "Stage/dev", "Stage/prod", "ProjectConfig/grommet"],
            result.Documents.Select(d => d.Resource.Kind + "/" + d.Resource.Name));
        var config = Assert.IsType<ProjectConfig>(result.Documents[^1].Resource);
        var origin = Assert.Single(config.Spec!.PromotionPolicies![0].Origins!);
        Assert.Equal(FreightOrigin.WarehouseKind, origin.Kind);
        Assert.Equal("grommet-dev", origin.Name);
    }

    [Fact]
    public void ReadText_Warehouse_AppliesKargoDefaults()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata: {name: w, namespace: p}
            spec:
              shard: east
              subscriptions:
              - git: {repoURL: https://example.com/a.git}
              - image: {repoURL: example.com/a}
              - chart: {repoURL: oci://example.com/charts/a}
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        var warehouse = Assert.IsType<Warehouse>(result.Documents[0].Resource);
        Assert.Equal("5m0s", warehouse.Spec!.Interval);
        Assert.Equal(FreightCreationPolicy.Automatic, warehouse.Spec.FreightCreationPolicy);
        Assert.Equal("east", warehouse.Metadata.Labels![KargoApi.ShardLabel]);
        var git = warehouse.Spec.Subscriptions![0].Git!;
        Assert.Equal((CommitSelectionStrategy.NewestFromBranch, true, 20), (git.CommitSelectionStrategy!.Value, git.StrictSemvers!.Value, git.DiscoveryLimit!.Value));
        var image = warehouse.Spec.Subscriptions[1].Image!;
        Assert.Equal((ImageSelectionStrategy.SemVer, true, 20), (image.ImageSelectionStrategy!.Value, image.StrictSemvers!.Value, image.DiscoveryLimit!.Value));
        Assert.Equal(20, warehouse.Spec.Subscriptions[2].Chart!.DiscoveryLimit);
    }

    [Fact]
    public void ReadText_NamespacedKindWithoutNamespace_TakesDefaultProject()
    {
        var result = TestManifests.Read("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            """, new ManifestReaderOptions { DefaultProject = "grommet" });

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        Assert.Equal("grommet", result.Documents[0].Resource.Project);
    }

    [Fact]
    public void ReadText_EmptyDocumentsAndComments_AreSkipped()
    {
        var result = TestManifests.Read("""
            # leading comment
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Project
            metadata: {name: a}
            ---
            # nothing here
            ---
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        Assert.Single(result.Documents);
    }

    [Fact]
    public void ReadText_Json_IsReadLikeYaml()
    {
        var result = TestManifests.Read("""{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"from-json"}}""");

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        Assert.Equal("from-json", result.Documents[0].Resource.Name);
    }

    [Fact]
    public void ReadText_QuotedScalars_StayStrings()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: PromotionTask
            metadata: {name: t, namespace: p}
            spec:
              vars:
              - name: flag
                value: "true"
              steps:
              - uses: compose-output
                config: {a: "1", b: 1, c: true, d: null, e: 1.5, f: 0x1F}
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        var task = Assert.IsType<PromotionTask>(result.Documents[0].Resource);
        Assert.Equal("true", task.Spec!.Vars![0].Value);
        Assert.Equal("""{"a":"1","b":1,"c":true,"d":null,"e":1.5,"f":31}""", task.Spec.Steps![0].Config!.ToJsonString());
    }

    [Fact]
    public async Task ReadPathAsync_Directory_ReadsManifestFilesRecursivelyInOrdinalOrder()
    {
        using var dir = new TempDirectory("manifests");
        Directory.CreateDirectory(dir.Combine("sub"));
        await File.WriteAllTextAsync(dir.Combine("b.yml"), Project("b"));
        await File.WriteAllTextAsync(dir.Combine("a.yaml"), Project("a"));
        await File.WriteAllTextAsync(dir.Combine("sub", "c.json"), """{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"c"}}""");
        await File.WriteAllTextAsync(dir.Combine("notes.txt"), "not a manifest");

        var result = await new ManifestReader().ReadPathAsync(dir.Path, CancellationToken.None);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        Assert.Equal(["a", "b", "c"], result.Documents.Select(d => d.Resource.Name));
        Assert.Equal(dir.Combine("sub", "c.json"), result.Documents[2].Location.Source);
    }

    [Fact]
    public async Task ReadStreamAsync_Stdin_NamesTheStreamInErrors()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata: {name: Bad_Name}\n"));

        var result = await new ManifestReader().ReadStreamAsync(stream, "<stdin>", CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("<stdin>:3:18 (Project \"Bad_Name\") metadata.name: invalid name", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPathAsync_MissingFile_IsAnError()
    {
        var result = await new ManifestReader().ReadPathAsync("/nonexistent/pipeline.yaml", CancellationToken.None);

        Assert.Equal("/nonexistent/pipeline.yaml:1:1: no such file or directory", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void ReadText_SeveralProblems_AreAllReported()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata: {name: dev, namespace: p}
            spec:
              requestedFreight:
              - origin: {kind: Warehouse, name: w}
                sources: {}
              promotionTemplate:
                spec:
                  steps:
                  - as: step-1
                    uses: git-clone
                  - {}
            """);

        Assert.Equal(3, result.Errors.Count);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void ReadText_AnchorsAliasesAndMergeKeys_AreExpanded()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata: {name: dev, namespace: p}
            spec:
              requestedFreight:
              - origin: &origin {kind: Warehouse, name: w}
                sources: &sources {direct: true}
              promotionTemplate:
                spec:
                  steps:
                  - &clone
                    uses: git-clone
                    as: clone
                    config: {repoURL: "https://example.com/a.git"}
                  - <<: *clone
                    as: clone-again
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
        var steps = Assert.IsType<Stage>(result.Documents[0].Resource).Spec!.PromotionTemplate!.Spec!.Steps!;
        Assert.Equal(("git-clone", "clone-again"), (steps[1].Uses, steps[1].As));
        Assert.Equal(steps[0].Config!.ToJsonString(), steps[1].Config!.ToJsonString());
    }

    [Fact]
    public void ReadText_MergeOfAScalar_IsAnError()
    {
        var result = TestManifests.Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: p}\ndata:\n  <<: just-text\n");

        Assert.Equal("test.yaml:5:3 data: a merge key (<<) must refer to a mapping or a list of mappings", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void ReadText_GoNamedGroupRegex_IsAccepted()
    {
        var result = TestManifests.Read("""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata: {name: w, namespace: p}
            spec:
              subscriptions:
              - git:
                  repoURL: https://example.com/a.git
                  commitSelectionStrategy: NewestTag
                  allowTagsRegexes: ['^v(?P<major>\d+)\.']
            """);

        Assert.True(result.Succeeded, TestManifests.Errors(result));
    }

    [Fact]
    public async Task ReadPathAsync_DirectoryWithOneBadFile_KeepsGoodDocumentsAndReportsTheBadOne()
    {
        using var dir = new TempDirectory("mixed");
        await File.WriteAllTextAsync(dir.Combine("a.yaml"), Project("a"));
        await File.WriteAllTextAsync(dir.Combine("b.yaml"), "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: B\n");

        var result = await new ManifestReader().ReadPathAsync(dir.Path, CancellationToken.None);

        Assert.Equal(["a"], result.Documents.Select(d => d.Resource.Name));
        Assert.StartsWith(dir.Combine("b.yaml") + ":4:9 (Project \"B\") metadata.name: invalid name", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    internal static string Project(string name) => $"apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: {name}\n";
}
