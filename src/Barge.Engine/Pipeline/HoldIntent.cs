namespace Barge.Engine.Pipeline;

/// <summary>What a person's Promotion says about auto-promotion of its origin.</summary>
public enum HoldIntent
{
    /// <summary>Nothing: a controller's Promotion, or auto-promotion is off for the origin.</summary>
    None,

    /// <summary>A non-candidate was promoted: hold auto-promotion of the origin.</summary>
    Hold,

    /// <summary>The candidate was promoted: lift a hold on the origin.</summary>
    Resume,
}
