namespace Barge.Engine.Pipeline;

/// <summary>How a piece of Freight became available to a Stage.</summary>
public enum AvailabilityRoute
{
    /// <summary>It is not available.</summary>
    None,

    /// <summary>A person approved it for the Stage; approval bypasses verification and soak.</summary>
    Approved,

    /// <summary>The Stage takes Freight of its origin straight from the Warehouse (<c>sources.direct</c>).</summary>
    Direct,

    /// <summary>It was verified (and soaked) in the upstream Stages the availability strategy asks for.</summary>
    VerifiedUpstream,
}
