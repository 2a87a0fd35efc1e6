using Xunit;

namespace Barge.Cli.Tests.Approve;

/// <summary>
/// <c>barge approve</c> on a real home. <see cref="Remote.ApproveCommandRemoteTests"/> runs every test
/// again in remote mode: apply, approve, get and history through a <c>barge serve</c> over this home's store.
/// </summary>
public class ApproveCommandTests : IAsyncLifetime, IDisposable
{
    private readonly PipelineHome _home = new();
    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    /// <summary>Who the history names: the local user in embedded mode, the token's identity through a server.</summary>
    private string Actor => Served ? "admin" : "subject:jane";

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _home.Run);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Approve_ByAlias_MakesReleaseAvailableToProdAndRecordsHistory()
    {
        await _home.ApplyPipelineAsync();
        var id = await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");

        var result = await _home.Run.RunAsync("approve", "-p", "grommet", "--freight-alias", "brave-otter", "--stage", "prod");
        var available = await _home.Run.RunAsync("get", "freight", "-p", "grommet", "--stage", "prod", "--no-headers");
        var history = await _home.Run.RunAsync("history", "-p", "grommet", "--no-headers");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Freight \"{id}\" approved for Stage \"prod\" in project \"grommet\"\n", result.Output);
        Assert.Contains("brave-otter", available.Output, StringComparison.Ordinal);
        Assert.Matches($"^\\S+ +FreightApproved +prod +brave-otter +grommet-release +{Actor} +Freight approved", history.Output);
    }

    [Fact]
    public async Task Approve_Twice_SecondSaysAlreadyApprovedAndAddsNoHistory()
    {
        await _home.ApplyPipelineAsync();
        var id = await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
        await _home.Run.RunAsync("approve", "-p", "grommet", "--freight", id, "--stage", "prod");

        var again = await _home.Run.RunAsync("approve", "-p", "grommet", "--freight", id, "--stage", "prod");
        var history = await _home.Run.RunAsync("history", "-p", "grommet", "--no-headers");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already approved", again.Output, StringComparison.Ordinal);
        Assert.Single(history.Output.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("unknown freight", new[] { "--freight", "nope", "--stage", "prod" }, 1, "Freight with name or alias \"nope\" not found in project \"grommet\"")]
    [InlineData("unknown stage", new[] { "--freight-alias", "brave-otter", "--stage", "qa" }, 1, "Stage \"qa\" not found in project \"grommet\"")]
    [InlineData("origin not requested", new[] { "--freight-alias", "dev-build", "--stage", "prod" }, 2, "does not request Freight from origin \"Warehouse/grommet-dev\"")]
    [InlineData("both freight and alias", new[] { "--freight", "x", "--freight-alias", "brave-otter", "--stage", "prod" }, 2, "exactly one of --freight and --freight-alias")]
    [InlineData("no freight", new[] { "--stage", "prod" }, 2, "exactly one of --freight and --freight-alias")]
    [InlineData("no stage", new[] { "--freight-alias", "brave-otter" }, 2, "--stage is required")]
    public async Task Approve_BadRequest_FailsAndWritesNothing(string scenario, string[] args, int exitCode, string expected)
    {
        await _home.ApplyPipelineAsync();
        await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
        await _home.ApplyFreightAsync("grommet-dev", "dev-1", "dev-build");

        var result = await _home.Run.RunAsync(["approve", "-p", "grommet", .. args]);
        var history = await _home.Run.RunAsync("history", "-p", "grommet");

        Assert.True(result.ExitCode == exitCode, scenario + ": " + result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(history.Output);
    }

    [Fact]
    public async Task Approve_AmbiguousAlias_FailsWithBadInput()
    {
        await _home.ApplyPipelineAsync();
        var first = await _home.ApplyFreightAsync("grommet-release", "v1.0.0", "brave-otter");
        var second = await _home.ApplyFreightAsync("grommet-release", "v1.1.0", "calm-newt");
        // Validation keeps aliases unique; a store written by another tool may not, and approve must not guess.
        await using (var store = await StoreProbe.OpenAsync(_home.Path))
        {
            var stored = await store.GetAsync(new Barge.Storage.ResourceKey("Freight", "grommet", second));
            var labels = new Dictionary<string, string>(stored!.Labels) { ["kargo.akuity.io/alias"] = "brave-otter" };
            await store.UpdateAsync(Barge.Storage.ResourceUpdate.From(stored, stored.Spec) with { Labels = labels });
        }

        var result = await _home.Run.RunAsync("approve", "-p", "grommet", "--freight-alias", "brave-otter", "--stage", "prod");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("ambiguous", result.Error, StringComparison.Ordinal);
        Assert.Contains(first, result.Error, StringComparison.Ordinal);
    }
}
