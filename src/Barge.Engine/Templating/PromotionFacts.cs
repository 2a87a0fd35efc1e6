using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>
/// What the expression environment and Kargo's functions know about one Promotion: its names, the
/// actor, the target Freight (with its alias), the Freight collection, the Stage's requested origins
/// and the project's Warehouses by name (for the origin lookup of <c>commitFrom</c> and friends).
/// </summary>
internal sealed record PromotionFacts(
    string Project,
    string Stage,
    string Promotion,
    FreightReference TargetFreight,
    FreightCollection Collection,
    IReadOnlyList<FreightOrigin> RequestedOrigins,
    IReadOnlyDictionary<string, Warehouse> Warehouses)
{
    /// <summary>The target Freight's alias (read at each run, as Kargo does).</summary>
    public string TargetAlias { get; init; } = "";

    /// <summary>The actor of <c>kargo.akuity.io/create-actor</c>, already reduced (see <see cref="Actors.FromAnnotation"/>).</summary>
    public string Actor { get; init; } = "";

    /// <summary>True when annotation <c>kargo.akuity.io/rollback</c> is <c>"true"</c>.</summary>
    public bool Rollback { get; init; }

    /// <summary>The API server's base URL, empty in embedded mode.</summary>
    public string UiBaseUrl { get; init; } = "";
}
