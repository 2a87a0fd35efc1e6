namespace Barge.Resources.Model;

/// <summary>A request for Freight from one origin.</summary>
public sealed record FreightRequest
{
    /// <summary>The origin (Warehouse) of the requested Freight.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>Where the Freight may come from.</summary>
    public FreightSources? Sources { get; init; }
}
