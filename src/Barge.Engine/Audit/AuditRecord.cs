using System.Text.Json;
using System.Text.Json.Serialization;
using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Audit;

/// <summary>
/// One entry of the audit trail: who (<see cref="Actor"/>) did what (<see cref="Type"/>, one of
/// <see cref="AuditTypes"/>) to which Freight from which origin in which Stage. It is stored as an
/// event of the store's append-only log (never garbage-collected with the resources), written in the
/// same transaction as the status change it records (<see cref="IResourceStore.ApplyAsync(IReadOnlyList{StoreOperation}, IReadOnlyList{EventEntry}, CancellationToken)"/>).
/// </summary>
public sealed record AuditRecord(string Type, string Actor, string Message)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Stage { get; init; }

    public string? Freight { get; init; }

    public string? FreightAlias { get; init; }

    /// <summary>The origin Warehouse of the Freight.</summary>
    public string? Origin { get; init; }

    public string? Promotion { get; init; }

    /// <summary>The phase reached (a Promotion's or a verification's), for finished events.</summary>
    public string? Phase { get; init; }

    /// <summary>Commits pushed by the Promotion (<c>repoURL@sha</c>).</summary>
    public IReadOnlyList<string>? Commits { get; init; }

    public long? DurationMilliseconds { get; init; }

    /// <summary>The event log entry for this record, about <paramref name="regarding"/> (the Promotion, Freight or Stage).</summary>
    public EventEntry ToEventEntry(ResourceKey regarding)
    {
        var data = JsonSerializer.SerializeToElement(new Data(Stage, Freight, FreightAlias, Origin, Promotion, Phase, Commits, DurationMilliseconds), Json);
        return new EventEntry(regarding, Type, Message) { Actor = Actor, Data = data };
    }

    /// <summary>The record an event of the log holds, or null when the event is not an audit entry.</summary>
    public static AuditRecord? FromEvent(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var entry = recorded.Entry;
        if (!AuditTypes.All.Contains(entry.Type, StringComparer.Ordinal))
        {
            return null;
        }
        var data = entry.Data is { ValueKind: JsonValueKind.Object } element ? element.Deserialize<Data>(Json) : null;
        return new AuditRecord(entry.Type, entry.Actor ?? "", entry.Message)
        {
            Stage = data?.Stage,
            Freight = data?.Freight,
            FreightAlias = data?.FreightAlias,
            Origin = data?.Origin,
            Promotion = data?.Promotion,
            Phase = data?.Phase,
            Commits = data?.Commits,
            DurationMilliseconds = data?.DurationMilliseconds,
        };
    }

    private sealed record Data(
        string? Stage,
        string? Freight,
        string? FreightAlias,
        string? Origin,
        string? Promotion,
        string? Phase,
        IReadOnlyList<string>? Commits,
        long? DurationMilliseconds);
}
