using Barge.Cli.Tests.Approve;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Remote;

/// <summary>
/// Commands that change nothing (reads, refusals, repeated approvals) run twice on one home — embedded
/// on its store, and remote through a <c>barge serve</c> over that same store — and must print the same
/// bytes and exit the same way.
/// </summary>
public sealed class RemoteParityTests(RemoteParityTests.PipelineServer pipeline) : IClassFixture<RemoteParityTests.PipelineServer>
{
    [Theory]
    [InlineData("projects", new[] { "get", "projects" })]
    [InlineData("stages table", new[] { "get", "stages", "-p", "grommet" })]
    [InlineData("stages wide", new[] { "get", "stages", "-p", "grommet", "-o", "wide" })]
    [InlineData("one stage yaml", new[] { "get", "stage", "prod", "-p", "grommet", "-o", "yaml" })]
    [InlineData("warehouses json", new[] { "get", "warehouses", "-p", "grommet", "-o", "json" })]
    [InlineData("freight table", new[] { "get", "freight", "-p", "grommet" })]
    [InlineData("freight of an origin", new[] { "get", "freight", "-p", "grommet", "--origin", "grommet-release", "--no-headers" })]
    [InlineData("freight by alias json", new[] { "get", "freight", "brave-otter", "-p", "grommet", "-o", "json" })]
    [InlineData("freight available to a stage", new[] { "get", "freight", "-p", "grommet", "--stage", "prod" })]
    [InlineData("one missing name of two", new[] { "get", "freight", "brave-otter", "nope", "-p", "grommet" })]
    [InlineData("missing project", new[] { "get", "stages", "-p", "nowhere" })]
    [InlineData("promotions of a missing stage", new[] { "get", "promotions", "-p", "grommet", "--stage", "qa" })]
    [InlineData("promotions", new[] { "get", "promotions", "-p", "grommet" })]
    [InlineData("promotion tasks yaml", new[] { "get", "promotiontasks", "-p", "grommet", "-o", "yaml" })]
    [InlineData("unknown kind", new[] { "get", "gizmos", "-p", "grommet" })]
    [InlineData("bad filter", new[] { "get", "stages", "-p", "grommet", "--origin", "x" })]
    [InlineData("history table", new[] { "history", "-p", "grommet" })]
    [InlineData("history wide of a stage", new[] { "history", "-p", "grommet", "--stage", "prod", "-o", "wide" })]
    [InlineData("history json", new[] { "history", "-p", "grommet", "-o", "json" })]
    [InlineData("history bad type", new[] { "history", "-p", "grommet", "--type", "Nope" })]
    [InlineData("history of a missing project", new[] { "history", "-p", "nowhere" })]
    [InlineData("approve again (unchanged)", new[] { "approve", "-p", "grommet", "--freight-alias", "brave-otter", "--stage", "prod" })]
    [InlineData("approve unknown freight", new[] { "approve", "-p", "grommet", "--freight", "nope", "--stage", "prod" })]
    [InlineData("approve unknown stage", new[] { "approve", "-p", "grommet", "--freight-alias", "brave-otter", "--stage", "qa" })]
    [InlineData("approve origin not requested", new[] { "approve", "-p", "grommet", "--freight-alias", "dev-build", "--stage", "prod" })]
    [InlineData("approve both freight and alias", new[] { "approve", "-p", "grommet", "--freight", "x", "--freight-alias", "brave-otter", "--stage", "prod" })]
    [InlineData("approve no stage", new[] { "approve", "-p", "grommet", "--freight-alias", "brave-otter" })]
    [InlineData("delete missing names", new[] { "delete", "stages", "dev", "qa", "uat", "-p", "grommet" })]
    [InlineData("delete unknown kind", new[] { "delete", "gizmos", "x", "-p", "grommet" })]
    [InlineData("promote without stage", new[] { "promote", "-p", "grommet", "--freight-alias", "brave-otter" })]
    [InlineData("promote two freight choices", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight", "x", "--warehouse", "grommet-release" })]
    [InlineData("promote abort unknown", new[] { "promote", "-p", "grommet", "--abort", "nope" })]
    [InlineData("apply nothing", new[] { "apply" })]
    [InlineData("apply missing file", new[] { "apply", "-f", "/nonexistent/pipeline.yaml" })]
    [InlineData("verify unknown stage", new[] { "verify", "stage", "qa", "-p", "grommet" })]
    [InlineData("verify unknown project", new[] { "verify", "stage", "dev", "-p", "nowhere" })]
    [InlineData("verify no current freight", new[] { "verify", "stage", "prod", "-p", "grommet" })]
    [InlineData("verify abort no current freight", new[] { "verify", "stage", "prod", "--abort", "-p", "grommet" })]
    [InlineData("downstream unknown stage", new[] { "promote", "-p", "grommet", "--downstream-from", "qa", "--freight-alias", "brave-otter" })]
    [InlineData("downstream unknown project", new[] { "promote", "-p", "nowhere", "--downstream-from", "dev", "--freight-alias", "brave-otter" })]
    [InlineData("downstream no downstream stages", new[] { "promote", "-p", "grommet", "--downstream-from", "prod", "--freight-alias", "brave-otter" })]
    [InlineData("downstream not verified", new[] { "promote", "-p", "grommet", "--downstream-from", "dev", "--freight-alias", "brave-otter" })]
    [InlineData("downstream unknown freight", new[] { "promote", "-p", "grommet", "--downstream-from", "dev", "--freight", "nope" })]
    [InlineData("downstream with stage", new[] { "promote", "-p", "grommet", "--downstream-from", "dev", "--stage", "prod", "--freight-alias", "brave-otter" })]
    [InlineData("downstream without freight", new[] { "promote", "-p", "grommet", "--downstream-from", "dev" })]
    [InlineData("promote unknown stage", new[] { "promote", "-p", "grommet", "--stage", "qa", "--warehouse", "grommet-release", "--no-wait" })]
    [InlineData("promote unknown project", new[] { "promote", "-p", "nowhere", "--stage", "dev", "--warehouse", "grommet-dev", "--no-wait" })]
    [InlineData("promote unknown alias", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "nope", "--no-wait" })]
    [InlineData("promote freight not available", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "dev-build", "--no-wait" })]
    [InlineData("dry run unknown stage", new[] { "promote", "-p", "grommet", "--stage", "qa", "--warehouse", "grommet-release", "--dry-run" })]
    [InlineData("dry run unknown project", new[] { "promote", "-p", "nowhere", "--stage", "dev", "--warehouse", "grommet-dev", "--dry-run" })]
    [InlineData("dry run unknown alias", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "nope", "--dry-run" })]
    [InlineData("dry run two choices", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "x", "--warehouse", "grommet-release", "--dry-run" })]
    [InlineData("freight of a stage wide", new[] { "get", "freight", "-p", "grommet", "--stage", "prod", "-o", "wide" })]
    [InlineData("freight of a stage and origin wide", new[] { "get", "freight", "-p", "grommet", "--stage", "dev", "--origin", "grommet-dev", "-o", "wide" })]
    [InlineData("freight of a stage, origin not requested", new[] { "get", "freight", "-p", "grommet", "--stage", "prod", "--origin", "grommet-dev", "-o", "wide" })]
    [InlineData("freight of an unknown stage wide", new[] { "get", "freight", "-p", "grommet", "--stage", "qa", "-o", "wide" })]
    [InlineData("freight of a stage json", new[] { "get", "freight", "-p", "grommet", "--stage", "prod", "-o", "json" })]
    [InlineData("credentials of a missing project", new[] { "create", "credentials", "c", "-p", "nowhere", "--git", "--repo-url", "https://git.example.com/x", "--username", "u", "--password", "p" })]
    [InlineData("credentials bad name", new[] { "create", "credentials", "Bad_Name", "-p", "grommet", "--git", "--repo-url", "https://git.example.com/x", "--username", "u", "--password", "p" })]
    [InlineData("delete missing project", new[] { "delete", "project", "nowhere" })]
    [InlineData("delete missing project config", new[] { "delete", "projectconfig", "nowhere", "-p", "grommet" })]
    [InlineData("analysis templates", new[] { "get", "analysistemplates", "-p", "grommet" })]
    [InlineData("analysis templates yaml", new[] { "get", "analysistemplates", "-p", "grommet", "-o", "yaml" })]
    [InlineData("missing analysis template", new[] { "get", "analysistemplate", "nope", "-p", "grommet" })]
    [InlineData("project configs", new[] { "get", "projectconfigs", "-p", "grommet" })]
    [InlineData("project config json", new[] { "get", "projectconfigs", "-p", "grommet", "-o", "json" })]
    [InlineData("project config by another name", new[] { "get", "projectconfig", "nope", "-p", "grommet" })]
    [InlineData("cluster promotion tasks", new[] { "get", "clusterpromotiontasks" })]
    [InlineData("cluster analysis templates", new[] { "get", "clusteranalysistemplates" })]
    [InlineData("cluster configs", new[] { "get", "clusterconfigs" })]
    [InlineData("missing cluster config", new[] { "get", "clusterconfig", "nope" })]
    [InlineData("configmaps", new[] { "get", "configmaps", "-p", "grommet" })]
    [InlineData("configmap by name yaml", new[] { "get", "configmap", "settings", "-p", "grommet", "-o", "yaml" })]
    [InlineData("missing configmap", new[] { "get", "cm", "nope", "-p", "grommet" })]
    [InlineData("cluster config by name yaml", new[] { "get", "clusterconfig", "cluster", "-o", "yaml" })]
    [InlineData("cluster promotion task json", new[] { "get", "clusterpromotiontask", "shared-deploy", "-o", "json" })]
    [InlineData("analysis template by name", new[] { "get", "analysistemplate", "smoke", "-p", "grommet" })]
    [InlineData("delete missing secret", new[] { "delete", "secret", "nope", "-p", "grommet" })]
    [InlineData("delete missing configmaps", new[] { "delete", "configmaps", "nope", "other", "-p", "grommet" })]
    [InlineData("delete missing promotion", new[] { "delete", "promotion", "nope", "-p", "grommet" })]
    [InlineData("delete missing cluster template", new[] { "delete", "clusteranalysistemplate", "nope" })]
    [InlineData("delete missing cluster task", new[] { "delete", "clusterpromotiontask", "nope" })]
    public async Task Command_EmbeddedAndRemote_PrintTheSameAndExitTheSame(string scenario, string[] args)
    {
        var embedded = await pipeline.Home.Run.RunAsync(args);
        var remote = await pipeline.Remote.RunAsync(args);

        Assert.True(embedded.ExitCode == remote.ExitCode, $"{scenario}\nembedded: {embedded}\nremote: {remote}");
        Assert.Equal(embedded.Output, remote.Output);
        Assert.Equal(embedded.Error, remote.Error);
        Assert.False(File.Exists(Path.Combine(pipeline.ClientHome, "barge.db")), "remote mode must not create a local store");
    }

    [Theory]
    [InlineData("verify stage", new[] { "verify", "stage", "dev", "-p", "grommet" })]
    [InlineData("verify abort", new[] { "verify", "stage", "dev", "--abort", "-p", "grommet" })]
    [InlineData("promote dry run", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "brave-otter", "--dry-run" })]
    [InlineData("promote downstream", new[] { "promote", "-p", "grommet", "--downstream-from", "dev", "--freight-alias", "brave-otter" })]
    [InlineData("promote", new[] { "promote", "-p", "grommet", "--stage", "prod", "--freight-alias", "brave-otter", "--no-wait" })]
    [InlineData("create credentials", new[] { "create", "credentials", "c", "-p", "grommet", "--git", "--repo-url", "https://git.example.com/x", "--username", "u", "--password", "p" })]
    [InlineData("delete project", new[] { "delete", "project", "grommet" })]
    [InlineData("delete promotion task", new[] { "delete", "promotiontask", "deploy", "-p", "grommet" })]
    [InlineData("delete secret", new[] { "delete", "secret", "anything", "-p", "grommet" })]
    public async Task WritingCommand_AsViewer_Refused403Exit2AndNothingChanged(string scenario, string[] args)
    {
        var viewer = pipeline.Server.Client(pipeline.ClientHome, await pipeline.Server.TokenAsync("viewer-" + scenario.Replace(' ', '-'), "viewer@grommet"));
        var before = await pipeline.Home.Run.RunAsync("get", "promotions", "-p", "grommet", "-o", "json");

        var result = await viewer.RunAsync(args);

        Assert.True(result.ExitCode == 2, scenario + ": " + result);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("token:viewer-", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(before.Output, (await pipeline.Home.Run.RunAsync("get", "promotions", "-p", "grommet", "-o", "json")).Output);
        Assert.Equal(0, (await pipeline.Home.Run.RunAsync("get", "project", "grommet")).ExitCode);
    }

    /// <summary>The grommet pipeline with a dev build and an approved release, served over its own store.</summary>
    public sealed class PipelineServer : IAsyncLifetime, IDisposable
    {
        /// <summary>One object of each kind the grommet example lacks, so their tables are compared too.</summary>
        private const string SharedResources = """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ClusterConfig
            metadata: {name: cluster}
            spec: {}
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: ClusterPromotionTask
            metadata: {name: shared-deploy}
            spec:
              steps:
              - uses: compose-output
                as: out
                config:
                  hello: world
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: smoke, namespace: grommet}
            spec:
              metrics:
              - name: ready
                successCondition: result == true
                provider: {web: {url: "https://grommet.example.com/health", jsonPath: "{$.ready}"}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: grommet}
            data: {gitRepo: "https://git.example.com/grommet/config.git"}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: ClusterAnalysisTemplate
            metadata: {name: shared}
            spec:
              metrics:
              - name: up
                provider: {web: {url: "https://status.example.com/"}}
            """;

        private readonly TempDirectory _client = new("remote-client");
        private ServedHome _server = null!;

        internal PipelineHome Home { get; } = new();

        internal BargeRun Remote { get; private set; } = null!;

        internal ServedHome Server => _server;

        public string ClientHome => _client.Path;

        public async Task InitializeAsync()
        {
            await Home.ApplyPipelineAsync();
            await Home.ApplyFreightAsync("grommet-dev", "dev-1", "dev-build");
            await Home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
            var approved = await Home.Run.RunAsync("approve", "-p", "grommet", "--freight-alias", "brave-otter", "--stage", "prod");
            Assert.True(approved.ExitCode == 0, approved.ToString());
            var shared = System.IO.Path.Combine(_client.Path, "shared.yaml");
            await File.WriteAllTextAsync(shared, SharedResources);
            var applied = await Home.Run.RunAsync("apply", "-f", shared);
            Assert.True(applied.ExitCode == 0, applied.ToString());
            _server = await ServedHome.StartAsync(Home.Path, TimeProvider.System);
            Remote = _server.Client(_client.Path);
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        public void Dispose()
        {
            Home.Dispose();
            _client.Dispose();
        }
    }
}
