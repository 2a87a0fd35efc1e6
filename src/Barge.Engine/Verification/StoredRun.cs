namespace Barge.Engine.Verification;

/// <summary>An analysis run as read from the store: the stored envelope (for compare-and-swap writes), spec and status.</summary>
internal sealed record StoredRun(Barge.Storage.StoredResource Stored, AnalysisRunSpec Spec, AnalysisRunStatus Status);
