using Barge.Engine.Audit;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 6's acceptance on the grommet example: a dev-* tag becomes Freight that is auto-promoted to
/// dev; a v* tag becomes Freight available to dev but not auto-promoted; a person promotes it with
/// <c>promote --warehouse grommet-release --stage dev</c>; prod can take it only after verification
/// in dev and 5 s of soak on the fake clock; the audit trail names origin and actor.
/// </summary>
public sealed class GrommetPipelineTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _home = new("cli-pipeline");
    private readonly GrommetWorld _world = new();
    private readonly BargeRun _run;

    public GrommetPipelineTests() => _run = new BargeRun(_home.Path);

    public void Dispose()
    {
        _world.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task Reconcile_DevTagAutoPromotedReleaseManualThenProdAfterSoak_AuditNamesOriginAndActor()
    {
        var devCommit = _world.CommitAndTag("dev-1");
        await _world.PushImageAsync("dev-1", T0.AddHours(1));
        _world.CommitAndTag("v1.0.0");
        await _world.PushImageAsync("v1.0.0", T0.AddHours(2));
        var pipeline = _world.Pipeline();
        await RunOkAsync("apply", "-f", ExamplePipeline.WriteTo(_home.Path, pipeline));

        await RunOkAsync("reconcile", "--until-idle");

        var dev = await PromotionsAsync("dev");
        var auto = Assert.Single(dev);
        Assert.Equal("Succeeded", Phase(auto));
        var clone = _world.CloneConfig("after-auto");
        Assert.Contains($"desiredRevision: {devCommit}", File.ReadAllText(Path.Combine(clone, "env", "dev", "values.yaml")), StringComparison.Ordinal);
        Assert.Empty(await PromotionsAsync("prod"));

        // Promotions run in name (ULID time) order: the person's comes a second after the auto-promotion.
        _run.Time.Advance(TimeSpan.FromSeconds(1));
        await RunOkAsync("promote", "-p", "grommet", "--warehouse", "grommet-release", "--stage", "dev");
        clone = _world.CloneConfig("after-release");
        Assert.Contains("imageTag: v1.0.0", File.ReadAllText(Path.Combine(clone, "env", "dev", "values.yaml")), StringComparison.Ordinal);
        // promote returns once its Promotion is terminal; the Stage records it (and verifies the Freight) on the next pass.
        await RunOkAsync("reconcile", "--until-idle");

        var early = await _run.RunAsync("promote", "-p", "grommet", "--warehouse", "grommet-release", "--stage", "prod", "--no-wait");
        Assert.True(early.ExitCode == 2, early.ToString());
        Assert.Contains("grommet-release", early.Error, StringComparison.Ordinal);

        // The example's prod soaks 5s: a second past it on the fake clock.
        _run.Time.Advance(TimeSpan.FromSeconds(6));
        var prod = await _run.RunAsync("promote", "-p", "grommet", "--warehouse", "grommet-release", "--stage", "prod");
        Assert.True(prod.ExitCode == 0, prod + (await _run.RunAsync("get", "freight", "-p", "grommet", "-o", "yaml")).Output + (await _run.RunAsync("get", "stage", "dev", "-p", "grommet", "-o", "yaml")).Output);
        clone = _world.CloneConfig("after-prod");
        Assert.Contains("imageTag: v1.0.0", File.ReadAllText(Path.Combine(clone, "env", "prod", "values.yaml")), StringComparison.Ordinal);

        var audit = await AuditAsync();
        var finished = audit.Where(a => a.Type == AuditTypes.PromotionFinished).ToList();
        Assert.Equal(3, finished.Count);
        Assert.Contains(finished, a => a.Stage == "dev" && a.Origin == "grommet-dev" && a.Actor == "controller:stage-controller" && a.Commits!.Count == 1);
        Assert.Contains(finished, a => a.Stage == "dev" && a.Origin == "grommet-release" && a.Actor == "admin");
        Assert.Contains(finished, a => a.Stage == "prod" && a.Origin == "grommet-release" && a.Actor == "admin");
        Assert.Equal(2, audit.Count(a => a.Type == AuditTypes.FreightCreated));
        Assert.Equal(3, audit.Count(a => a.Type == AuditTypes.PromotionCreated));
    }

    private async Task<List<StoredResource>> PromotionsAsync(string stage)
    {
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")), TimeProvider.System);
        return [.. (await store.ListAsync(ResourceQuery.OfKind("Promotion", "grommet"))).Items
            .Where(p => p.Spec.GetProperty("stage").GetString() == stage)];
    }

    private async Task<List<AuditRecord>> AuditAsync()
    {
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")), TimeProvider.System);
        var page = await store.QueryEventsAsync(new EventQuery { Project = "grommet", Limit = 1000 });
        return [.. page.Items.Select(AuditRecord.FromEvent).OfType<AuditRecord>()];
    }

    private static string? Phase(StoredResource promotion) => promotion.Status!.Value.GetProperty("phase").GetString();

    private async Task<BargeResult> RunOkAsync(params string[] args)
    {
        var result = await _run.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"barge {string.Join(' ', args)}: {result}");
        return result;
    }
}
