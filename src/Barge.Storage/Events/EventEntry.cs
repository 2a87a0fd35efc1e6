using System.Text.Json;

namespace Barge.Storage.Events;

/// <summary>
/// An entry for the append-only event log (the audit trail): what happened (<paramref name="Type"/>,
/// e.g. <c>PromotionSucceeded</c>) to which resource, why, and by whom.
/// </summary>
/// <param name="Regarding">The resource the event is about.</param>
/// <param name="Type">A short machine-readable kind of event.</param>
/// <param name="Message">A human-readable sentence.</param>
public sealed record EventEntry(ResourceKey Regarding, string Type, string Message)
{
    /// <summary>Who or what caused it (a user, a controller); null when unknown.</summary>
    public string? Actor { get; init; }

    /// <summary>Structured details (freight, origin, commits); null for none.</summary>
    public JsonElement? Data { get; init; }
}
