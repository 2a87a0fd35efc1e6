using Barge.Engine.Pipeline;

namespace Barge.Cli.Get;

/// <summary>
/// What a table needs beyond the manifests: the time for ages, Freight aliases by ID (a Stage's current
/// Freight is shown by alias), and for <c>get freight --stage</c> each Freight's availability verdict.
/// </summary>
internal sealed record TableContext(DateTimeOffset Now)
{
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, AvailabilityVerdict>? Verdicts { get; init; }
}
