namespace Barge.Engine.Operations;

/// <summary>A page of the audit trail, newest first; <see cref="NextBefore"/> is null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextBefore);
