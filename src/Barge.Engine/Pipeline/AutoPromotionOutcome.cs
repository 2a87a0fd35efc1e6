namespace Barge.Engine.Pipeline;

/// <summary>What auto-promotion decided for one requested origin of a Stage.</summary>
public enum AutoPromotionOutcome
{
    /// <summary>Create a Promotion of the candidate.</summary>
    Promote,

    /// <summary>The policy's <c>origins</c> (Barge extension) leave this origin to people.</summary>
    OriginNotAutoPromoted,

    /// <summary>The origin has an effective auto-promotion hold.</summary>
    Held,

    /// <summary>No Freight from the origin is available (or MatchUpstream saw a transient race).</summary>
    NoCandidate,

    /// <summary>The candidate is already in the Stage's current collection for the origin.</summary>
    AlreadyCurrent,

    /// <summary>The Stage's current Promotion already moves the candidate.</summary>
    AlreadyPromoting,

    /// <summary>A non-terminal Promotion of the candidate to the Stage exists.</summary>
    PromotionPending,

    /// <summary>A Promotion of the candidate succeeded and the Stage has not recorded it yet.</summary>
    SucceededNotYetRecorded,

    /// <summary>The newest terminal Promotion of the candidate did not succeed: no retry loop.</summary>
    LastAttemptNotSucceeded,
}
