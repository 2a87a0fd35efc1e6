namespace Barge.Server.Api;

/// <summary>One step status change of a dry run (step <see cref="Index"/> is 0-based, of <see cref="Count"/>).</summary>
public sealed record DryRunStep(int Index, int Count, string Alias, string Uses, string Status, string? Message);
