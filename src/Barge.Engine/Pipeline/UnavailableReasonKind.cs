namespace Barge.Engine.Pipeline;

/// <summary>Why a piece of Freight is not available to a Stage.</summary>
public enum UnavailableReasonKind
{
    /// <summary>The Stage does not request Freight from its origin (or it belongs to another project).</summary>
    OriginNotRequested,

    /// <summary>It has not been verified in an upstream Stage.</summary>
    NotVerifiedUpstream,

    /// <summary>It was verified upstream but has not soaked there for <c>requiredSoakTime</c> yet.</summary>
    SoakTimeRemaining,

    /// <summary>Nobody approved it for the Stage (approval would make it available at once).</summary>
    NotApproved,

    /// <summary><c>MatchUpstream</c>: it is not the Freight the single upstream Stage holds now.</summary>
    NotCurrentlyUpstream,

    /// <summary>The Stage's request cannot be evaluated (unknown strategy, bad soak time).</summary>
    InvalidRequest,
}
