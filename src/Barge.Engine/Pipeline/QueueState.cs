namespace Barge.Engine.Pipeline;

/// <summary>Where a Stage's promotion queue stands after <see cref="PromotionQueue.Sync"/>.</summary>
internal enum QueueState
{
    /// <summary>No Promotion waits.</summary>
    Idle,

    /// <summary>The head Promotion is the Stage's current Promotion and may run.</summary>
    Promoting,

    /// <summary>The current Promotion finished; its result was recorded and the next waits for a later pass.</summary>
    Completed,

    /// <summary>A Promotion waits because the current Freight's verification is still Pending or Running.</summary>
    WaitingForVerification,

    /// <summary>A Promotion waits because the current Freight of a healthy Stage has not been verified yet.</summary>
    WaitingForFirstVerification,
}
