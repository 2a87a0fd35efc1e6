using Barge.Cli.Tests.Approve;
using Barge.Storage;
using Xunit;

namespace Barge.Cli.Tests.Promote;

/// <summary>
/// <c>barge promote --downstream-from</c> on a real home. <see cref="Remote.DownstreamPromoteRemoteTests"/> runs
/// every test again through a <c>barge serve</c> over this home's store: same lines, same exit codes.
/// </summary>
public class DownstreamPromoteTests : IAsyncLifetime, IDisposable
{
    private readonly PipelineHome _home = new();
    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    /// <summary>Who promotes: the local user in embedded mode, the token's identity through a server.</summary>
    private string Actor => Served ? "admin" : "subject:jane";

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _home.Run);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Promote_DownstreamFromVerifiedAndSoaked_CreatesProdPromotionAndHistory()
    {
        await _home.ApplyPipelineAsync();
        var id = await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
        await _home.WriteStatusAsync("Freight", id, """{"verifiedIn":{"dev":{"longestSoak":"10s"}}}""");

        var result = await _home.Run.RunAsync("promote", "-p", "grommet", "--downstream-from", "dev", "--freight-alias", "brave-otter");
        var history = await _home.Run.RunAsync("history", "-p", "grommet", "--no-headers");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($"^promotion.kargo.akuity.io/prod\\.[0-9a-z]+\\.{id[..7]} created \\(Stage \"prod\"\\)\n$", result.Output);
        await using var store = await StoreProbe.OpenAsync(_home.Path);
        var promotion = Assert.Single((await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items);
        Assert.Equal(Actor, promotion.Annotations["kargo.akuity.io/create-actor"]);
        Assert.Matches("PromotionCreated +prod +brave-otter +grommet-release +" + Actor + " +Pending", history.Output);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("not verified upstream", "{}", new[] { "--downstream-from", "dev", "--freight-alias", "brave-otter" }, 1, "is not verified in Stage \"dev\"")]
    [InlineData("not soaked", """{"verifiedIn":{"dev":{"longestSoak":"1s"}}}""", new[] { "--downstream-from", "dev", "--freight-alias", "brave-otter" }, 1, "not available to downstream Stage \"prod\"")]
    [InlineData("no downstream", "{}", new[] { "--downstream-from", "prod", "--freight-alias", "brave-otter" }, 1, "has no downstream stages")]
    [InlineData("unknown stage", "{}", new[] { "--downstream-from", "qa", "--freight-alias", "brave-otter" }, 1, "Stage \"qa\" not found")]
    [InlineData("unknown freight", "{}", new[] { "--downstream-from", "dev", "--freight", "nope" }, 1, "Freight with name or alias \"nope\" not found")]
    [InlineData("empty stage name", "{}", new[] { "--downstream-from", "", "--freight-alias", "brave-otter" }, 2, "--downstream-from needs a Stage name")]
    [InlineData("with --stage", "{}", new[] { "--downstream-from", "dev", "--stage", "prod", "--freight-alias", "brave-otter" }, 2, "cannot be combined")]
    [InlineData("no freight", "{}", new[] { "--downstream-from", "dev" }, 2, "exactly one of --freight and --freight-alias")]
    public async Task Promote_DownstreamBadRequest_FailsAndCreatesNothing(string scenario, string status, string[] args, int exitCode, string expected)
    {
        await _home.ApplyPipelineAsync();
        var id = await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
        await _home.WriteStatusAsync("Freight", id, status);

        var result = await _home.Run.RunAsync(["promote", "-p", "grommet", .. args]);

        Assert.True(result.ExitCode == exitCode, scenario + ": " + result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
        await using var store = await StoreProbe.OpenAsync(_home.Path);
        Assert.Empty((await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items);
    }
}
