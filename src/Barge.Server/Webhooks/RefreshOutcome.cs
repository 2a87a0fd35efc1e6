namespace Barge.Server.Webhooks;

/// <summary>What a refresh request did to one Warehouse.</summary>
internal enum RefreshOutcome
{
    /// <summary>The refresh annotation was written.</summary>
    Written,

    /// <summary>A refresh was already pending; nothing written (it will see this push too).</summary>
    Coalesced,

    /// <summary>The Warehouse is gone.</summary>
    Missing,

    /// <summary>The write failed.</summary>
    Failed,
}
