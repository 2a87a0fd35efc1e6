namespace Barge.Storage.Events;

/// <summary>One page of events, newest first; <see cref="NextBefore"/> is null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<RecordedEvent> Items, long? NextBefore);
