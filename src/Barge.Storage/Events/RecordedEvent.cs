namespace Barge.Storage.Events;

/// <summary>An event as the log holds it: with its sequence number and the store's time of recording.</summary>
public sealed record RecordedEvent(long Id, DateTimeOffset Timestamp, EventEntry Entry);
