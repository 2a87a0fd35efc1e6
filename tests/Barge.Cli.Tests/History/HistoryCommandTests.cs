using System.Text.Json.Nodes;
using Barge.Cli.Tests.Approve;
using Barge.Engine.Audit;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Xunit;

namespace Barge.Cli.Tests.History;

/// <summary>
/// <c>barge history</c> on a real home. <see cref="Remote.HistoryCommandRemoteTests"/> runs every test
/// again in remote mode: apply and history through a <c>barge serve</c> over this home's store.
/// </summary>
public class HistoryCommandTests : IAsyncLifetime, IDisposable
{
    private readonly PipelineHome _home = new();
    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync() => _server = await Remote.ServedHome.ServeIfAsync(Served, _home.Path, _home.Run);

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Three entries an hour apart: a dev build promoted by the controller, a release approved and promoted by people.</summary>
    private async Task HistoryAsync()
    {
        await _home.ApplyPipelineAsync();
        // The store stamps each entry with its clock: the run's fake one.
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")), _home.Run.Time);
        var records = new[]
        {
            new AuditRecord(AuditTypes.PromotionFinished, "controller:stage-controller", "Promotion succeeded")
            {
                Stage = "dev", Freight = "0123456789abcdef", FreightAlias = "dev-build", Origin = "grommet-dev", Phase = "Succeeded",
                Commits = ["https://git.example.com/grommet/config.git@abc1234"], Promotion = "dev.01a.0123456", DurationMilliseconds = 1500,
            },
            new AuditRecord(AuditTypes.FreightApproved, "subject:jane", "Freight approved for Stage \"prod\" by \"subject:jane\"")
            {
                Stage = "prod", Freight = "fedcba9876543210", FreightAlias = "brave-otter", Origin = "grommet-release",
            },
            new AuditRecord(AuditTypes.PromotionCreated, "subject:joe", "Promotion created for Stage \"prod\" by \"subject:joe\"")
            {
                Stage = "prod", Freight = "fedcba9876543210", FreightAlias = "brave-otter", Origin = "grommet-release", Phase = "Pending",
            },
        };
        foreach (var record in records)
        {
            await store.AppendEventAsync(record.ToEventEntry(new ResourceKey("Stage", "grommet", record.Stage!)));
            _home.Run.Time.Advance(TimeSpan.FromHours(1));
        }
    }

    private static string[] Lines(BargeResult result) => result.Output.TrimEnd('\n').Split('\n');

    [Fact]
    public async Task History_Table_NewestFirstWithOriginActorPhaseAndCommits()
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync("history", "-p", "grommet");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result);
        Assert.Equal(4, lines.Length);
        Assert.Matches("^TIME +TYPE +STAGE +FREIGHT +ORIGIN +ACTOR +PHASE +MESSAGE$", lines[0]);
        Assert.Matches("^\\S+Z +PromotionCreated +prod +brave-otter +grommet-release +subject:joe +Pending +Promotion created", lines[1]);
        Assert.Matches("^\\S+Z +FreightApproved +prod +brave-otter +grommet-release +subject:jane +Freight approved", lines[2]);
        Assert.Matches("^\\S+Z +PromotionFinished +dev +dev-build +grommet-dev +controller:stage-controller +Succeeded +https://git.example.com/grommet/config.git@abc1234$", lines[3]);
    }

    [Theory]
    [InlineData("stage", new[] { "--stage", "dev" }, new[] { "PromotionFinished" })]
    [InlineData("origin", new[] { "--origin", "grommet-release" }, new[] { "PromotionCreated", "FreightApproved" })]
    [InlineData("actor", new[] { "--actor", "subject:jane" }, new[] { "FreightApproved" })]
    [InlineData("type", new[] { "--type", "PromotionCreated" }, new[] { "PromotionCreated" })]
    [InlineData("since a duration back", new[] { "--since", "90m" }, new[] { "PromotionCreated" })]
    [InlineData("since an RFC 3339 time", new[] { "--since", "2026-01-02T04:04:05Z" }, new[] { "PromotionCreated", "FreightApproved" })]
    [InlineData("until", new[] { "--until", "2026-01-02T04:04:05Z" }, new[] { "PromotionFinished" })]
    [InlineData("limit", new[] { "--limit", "1" }, new[] { "PromotionCreated" })]
    public async Task History_Filter_ShowsOnlyMatchingEntries(string scenario, string[] filter, string[] types)
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync(["history", "-p", "grommet", "--no-headers", .. filter]);

        Assert.True(result.ExitCode == 0, scenario + ": " + result);
        Assert.Equal(types, Lines(result).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
    }

    [Fact]
    public async Task History_Wide_AddsPromotionAndDuration()
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync("history", "-p", "grommet", "--stage", "dev", "-o", "wide");

        var lines = Lines(result);
        Assert.Matches("^TIME +TYPE +STAGE +FREIGHT +ORIGIN +ACTOR +PHASE +PROMOTION +DURATION +MESSAGE$", lines[0]);
        Assert.Matches(" Succeeded +dev\\.01a\\.0123456 +1s +https://", lines[1]);
    }

    [Fact]
    public async Task History_Json_HasEveryField()
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync("history", "-p", "grommet", "--stage", "dev", "-o", "json");

        var entry = JsonNode.Parse(result.Output)!.AsArray().Single()!;
        Assert.Equal("PromotionFinished", entry["type"]!.GetValue<string>());
        Assert.Equal("grommet-dev", entry["origin"]!.GetValue<string>());
        Assert.Equal("dev.01a.0123456", entry["promotion"]!.GetValue<string>());
        Assert.Equal(1500, entry["durationMilliseconds"]!.GetValue<long>());
        Assert.Equal("2026-01-02T03:04:05Z", entry["time"]!.GetValue<string>());
        Assert.Single(entry["commits"]!.AsArray());
    }

    [Fact]
    public async Task History_Yaml_PrintsASequence()
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync("history", "-p", "grommet", "--actor", "subject:jane", "-o", "yaml");

        Assert.StartsWith("- id: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("  actor: subject:jane\n", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad since", new[] { "--since", "yesterday" }, 2, "--since \"yesterday\" is neither an RFC 3339 time")]
    [InlineData("bad until", new[] { "--until", "-5m" }, 2, "--until \"-5m\"")]
    [InlineData("unknown type", new[] { "--type", "Deleted" }, 2, "unknown --type \"Deleted\"")]
    [InlineData("limit zero", new[] { "--limit", "0" }, 2, "--limit 0 is out of range")]
    [InlineData("bad format", new[] { "-o", "xml" }, 2, "unknown output format \"xml\"")]
    [InlineData("unknown project", new[] { "-p", "nope" }, 1, "project \"nope\" not found")]
    public async Task History_BadRequest_Fails(string scenario, string[] args, int exitCode, string expected)
    {
        await HistoryAsync();

        var result = await _home.Run.RunAsync(["history", .. args.Contains("-p") ? args : [.. args, "-p", "grommet"]]);

        Assert.True(result.ExitCode == exitCode, scenario + ": " + result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
