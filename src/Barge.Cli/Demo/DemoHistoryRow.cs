namespace Barge.Cli.Demo;

/// <summary>One finished Promotion of the demo's history.</summary>
/// <param name="Commit">The config repository commit it pushed; null when the record does not say (the demo then finds it by its message).</param>
internal sealed record DemoHistoryRow(string Stage, string Freight, string? Alias, string Origin, string Actor, string Result, string? Commit);
