namespace Barge.Engine.Pipeline;

/// <summary>What <see cref="FreightPresence.Sync"/> decided.</summary>
/// <param name="Updates">Freight statuses to write, by Freight name order.</param>
/// <param name="Missing">Freight of the current collection that does not exist (Kargo reports "Freight … not found").</param>
internal sealed record FreightPresenceResult(IReadOnlyList<FreightStatusUpdate> Updates, IReadOnlyList<string> Missing);
