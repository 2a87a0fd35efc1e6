using System.Text.Json;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Xunit;

namespace Barge.Resources.Tests.Serialization;

public sealed class ResourceSerializerTests
{
    private const string EveryField = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: app
          namespace: demo
          uid: 1b2c
          resourceVersion: "42"
          generation: 3
          labels: {team: a}
          annotations: {kargo.akuity.io/description: "the app"}
          creationTimestamp: 2026-01-02T03:04:05Z
        spec:
          shard: east
          interval: 1m0s
          freightCreationPolicy: Manual
          freightCreationCriteria: {expression: "size(commits) > 0"}
          subscriptions:
          - name: src
            git:
              repoURL: https://example.com/app.git
              commitSelectionStrategy: SemVer
              branch: main
              allowTagsRegexes: ["^v"]
              ignoreTagsRegexes: ["-rc"]
              semverConstraint: ^1.0.0
              strictSemvers: false
              includePaths: [src]
              excludePaths: [docs]
              expressionFilter: "true"
              discoveryLimit: 5
              since: 2025-06-01T00:00:00.5Z
              blobless: true
              insecureSkipTLSVerify: true
          - image:
              repoURL: example.com/app
              imageSelectionStrategy: Digest
              constraint: latest
              allowTagsRegexes: ["^v"]
              ignoreTagsRegexes: ["-rc"]
              strictSemvers: true
              platform: linux/amd64
              discoveryLimit: 7
              cacheByTag: true
              insecureSkipTLSVerify: true
          - chart:
              repoURL: https://charts.example.com
              name: app
              semverConstraint: ">=1"
              discoveryLimit: 9
              insecureSkipTLSVerify: true
          - name: tarballs
            tarball: {url: "https://example.com/a.tgz", nested: {n: [1, 2.5, true, null]}}
        status:
          lastFreightID: abc
          observedGeneration: 3
          conditions:
          - {type: Ready, status: "True", reason: Synced, message: ok, observedGeneration: 3, lastTransitionTime: 2026-01-02T03:04:05Z}
          discoveredArtifacts:
            discoveredAt: 2026-01-02T03:04:05Z
            git:
            - repoURL: https://example.com/app.git
              commits: [{id: abc, tag: v1.0.0, subject: first, author: a, committer: c, creatorDate: 2026-01-01T00:00:00Z}]
              observedRefs: {tags: [{name: v1.0.0, id: abc}]}
        """;

    [Fact]
    public void RoundTrip_YamlToJsonToModel_KeepsEveryField()
    {
        var first = ReadOne(EveryField);

        var json = ResourceSerializer.ToJson(first);
        var second = ResourceSerializer.FromJson(json);

        Assert.IsType<Warehouse>(second);
        Assert.Equal(json, ResourceSerializer.ToJson(second));
        Assert.Contains("\"tarball\":{\"url\":\"https://example.com/a.tgz\",\"nested\":{\"n\":[1,2.5,true,null]}}", json, StringComparison.Ordinal);
        Assert.Contains("\"since\":\"2025-06-01T00:00:00.5Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"strictSemvers\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"resourceVersion\":\"42\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_YamlOut_ReadsBackToTheSameJson()
    {
        var first = ReadOne(EveryField);

        var yaml = ResourceSerializer.ToYaml(first);
        var second = ReadOne(yaml);

        Assert.Equal(ResourceSerializer.ToJson(first), ResourceSerializer.ToJson(second));
    }

    [Fact]
    public void RoundTrip_GrommetScenario_YamlOutAndBack()
    {
        var documents = TestManifests.Read(TestManifests.Grommet()).Documents.Select(d => d.Resource).ToList();

        var yaml = ResourceSerializer.ToYaml(documents);
        var again = TestManifests.Read(yaml);

        Assert.True(again.Succeeded, TestManifests.Errors(again));
        Assert.Equal(documents.Select(d => ResourceSerializer.ToJson(d)), again.Documents.Select(d => ResourceSerializer.ToJson(d.Resource)));
        Assert.True(yaml.Contains("message: |", StringComparison.Ordinal), yaml);
    }

    [Theory]
    [InlineData("string that looks like a bool", "true")]
    [InlineData("string that looks like a number", "1.10")]
    [InlineData("string that looks like null", "null")]
    [InlineData("empty string", "")]
    [InlineData("leading space", " x")]
    [InlineData("expression", "${{ vars.x }}")]
    [InlineData("yaml indicator", "- item")]
    [InlineData("multi-line", "line one\nline two\n")]
    [InlineData("multi-line with leading spaces", "  indented\nline two")]
    [InlineData("multi-line with trailing spaces", "one \ntwo  \n\n")]
    [InlineData("unicode", "caf\u00e9 \u2603")]
    public void ToYaml_TrickyString_ReadsBackAsTheSameString(string name, string value)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var task = new PromotionTask
        {
            Metadata = new ObjectMeta { Name = "t", Namespace = "p" },
            Spec = new PromotionTaskSpec
            {
                Steps = [new PromotionStep { Uses = "compose-output", Config = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new { v = value })) }],
            },
        };

        var back = (PromotionTask)ReadOne(ResourceSerializer.ToYaml(task));

        Assert.Equal(value, back.Spec!.Steps![0].Config!["v"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_UnsetFields_AreOmittedAsKubernetesDoes()
    {
        var project = new Project { Metadata = new ObjectMeta { Name = "p", Labels = [] } };

        Assert.Equal("""{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"p"}}""", ResourceSerializer.ToJson(project));
    }

    [Fact]
    public void FromJson_UnknownField_Throws()
    {
        var error = Assert.Throws<JsonException>(() => ResourceSerializer.FromJson("""{"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Project","metadata":{"name":"p"},"spec":{}}"""));

        Assert.Equal("$.spec", error.Path);
    }

    [Fact]
    public void FromJson_UnsupportedKind_Throws()
    {
        var error = Assert.Throws<JsonException>(() => ResourceSerializer.FromJson("""{"apiVersion":"apps/v1","kind":"Deployment"}"""));

        Assert.Contains("Deployment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonUtf8_Freight_BindsTopLevelFields()
    {
        var freight = new Freight
        {
            Metadata = new ObjectMeta { Name = "f", Namespace = "p" },
            Alias = "nimble-otter",
            Origin = new FreightOrigin { Kind = FreightOrigin.WarehouseKind, Name = "w" },
            Images = [new Image { RepoURL = "example.com/a", Tag = "v1", Annotations = new() { ["k"] = "v" } }],
            Status = new FreightStatus { VerifiedIn = new() { ["dev"] = new VerifiedStage { LongestSoak = "1h0m0s" } } },
        };

        var back = (Freight)ResourceSerializer.FromJsonUtf8(ResourceSerializer.ToJsonUtf8(freight));

        Assert.Equal(ResourceSerializer.ToJson(freight), ResourceSerializer.ToJson(back));
        Assert.Equal("1h0m0s", back.Status!.VerifiedIn!["dev"].LongestSoak);
    }

    private static Resource ReadOne(string yaml)
    {
        var result = new ManifestReader(new ManifestReaderOptions { ApplyDefaults = false }).ReadText(yaml, "in.yaml");
        Assert.True(result.Succeeded, TestManifests.Errors(result));
        return Assert.Single(result.Documents).Resource;
    }
}
