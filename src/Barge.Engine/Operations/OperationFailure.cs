namespace Barge.Engine.Operations;

/// <summary>Why an operation refused a request; <see cref="None"/> when it succeeded.</summary>
public enum OperationFailure
{
    /// <summary>The operation succeeded.</summary>
    None,

    /// <summary>The request is malformed (missing or empty argument, ambiguous name).</summary>
    BadInput,

    /// <summary>A named object (Stage, Freight) does not exist.</summary>
    NotFound,

    /// <summary>The Freight is not verified in the upstream Stage, or not available to a downstream one.</summary>
    NotVerified,

    /// <summary>The object is not in a state the operation applies to (no current Freight, no verification).</summary>
    Conflict,
}
