namespace Barge.Engine.Audit;

/// <summary>The event types of the audit trail (the <c>type</c> column of the store's event log).</summary>
public static class AuditTypes
{
    public const string FreightCreated = "FreightCreated";
    public const string FreightApproved = "FreightApproved";
    public const string PromotionCreated = "PromotionCreated";
    public const string PromotionStarted = "PromotionStarted";
    public const string PromotionFinished = "PromotionFinished";
    public const string VerificationStarted = "VerificationStarted";
    public const string VerificationFinished = "VerificationFinished";

    /// <summary>Every type above, for queries over the whole trail.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FreightCreated, FreightApproved, PromotionCreated, PromotionStarted, PromotionFinished, VerificationStarted, VerificationFinished,
    ];
}
