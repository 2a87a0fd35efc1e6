using Barge.Resources.Model;

namespace Barge.Engine.Verification;

/// <summary>A verification attempt's state after a start or poll, and when to poll again (null once terminal).</summary>
public sealed record VerificationProgress(VerificationInfo Info, TimeSpan? RecheckAfter);
