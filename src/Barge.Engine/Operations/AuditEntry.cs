using Barge.Engine.Audit;

namespace Barge.Engine.Operations;

/// <summary>One entry of the audit trail as read back: its sequence number, time of recording and project.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset Timestamp, string Project, AuditRecord Record);
