using Spectre.Console;

namespace Barge.Cli.Demo;

/// <summary>The end of the demo: the history table, both values files as the config repository has them, and where to look next.</summary>
internal sealed class DemoSummary(DemoNarrator narrator, DemoRepositories repositories)
{
    /// <summary>Commands to look further at the kept state.</summary>
    public static IReadOnlyList<string> NextCommands { get; } =
    [
        $"barge history -p {DemoRun.Project}",
        $"barge get stages -p {DemoRun.Project} -o wide",
        $"barge get freight -p {DemoRun.Project} -o wide",
        $"barge get promotions -p {DemoRun.Project}",
    ];

    public async Task WriteAsync(IReadOnlyList<DemoHistoryRow> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var log = await repositories.ConfigLogAsync(cancellationToken);
        narrator.Section("History: who moved which Freight from which origin");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "STAGE", "FREIGHT", "ORIGIN", "ACTOR", "RESULT", "CONFIG COMMIT" })
        {
            table.AddColumn(column);
        }
        foreach (var row in history)
        {
            table.AddRow(
                Markup.Escape(row.Stage),
                Markup.Escape(row.Alias ?? row.Freight),
                Markup.Escape(row.Origin),
                Markup.Escape(row.Actor),
                Markup.Escape(row.Result),
                Markup.Escape(DemoStoreView.Short(row.Commit ?? CommitOf(log, row))));
        }
        narrator.Write(table);
        foreach (var env in new[] { "dev", "prod" })
        {
            narrator.Section($"grommet-config: env/{env}/values.yaml");
            narrator.Lines(await repositories.ReadValuesAsync(env, cancellationToken));
        }
    }

    /// <summary>The config commit a Promotion pushed, found by the message the grommet PromotionTask writes (<c>… &lt;freight&gt; to &lt;env&gt;</c>).</summary>
    public static string CommitOf(IReadOnlyList<(string Id, string Subject)> log, DemoHistoryRow row) =>
        row.Result == "Succeeded"
            ? log.FirstOrDefault(c => c.Subject.EndsWith($" {row.Freight} to {row.Stage}", StringComparison.Ordinal)).Id ?? ""
            : "";
}
