namespace Barge.Engine.Promotion;

/// <summary>
/// What a step may know about the Promotion it runs in. <see cref="WorkDirectory"/> is the
/// Promotion's shared work directory (an absolute path); every path a step is given is resolved
/// inside it. <see cref="Freight"/> is the Promotion's Freight collection (one entry per origin),
/// <see cref="RequestedOrigins"/> the Stage's requested origins, and <see cref="Warehouses"/> the
/// project's Warehouses by name, as far as steps need them.
/// </summary>
internal sealed record StepContext(
    string WorkDirectory,
    string Project,
    string Stage,
    string Promotion,
    IReadOnlyList<PromotedFreight> Freight,
    IReadOnlyList<FreightOrigin> RequestedOrigins,
    IReadOnlyDictionary<string, WarehouseSubscriptions> Warehouses)
{
    /// <summary>
    /// The store, for the engine-coupled steps that write resources (<c>set-metadata</c>,
    /// <c>set-freight-alias</c>); null when the step runs outside a stored Promotion.
    /// </summary>
    public Barge.Storage.IResourceStore? Store { get; init; }

    /// <summary>Where the git steps look up repository credentials; null means anonymous access.</summary>
    public Credentials.ICredentialProvider? Credentials { get; init; }

    /// <summary>A context with only a work directory, for steps that need nothing else.</summary>
    public static StepContext ForWorkDirectory(string workDirectory, string project = "default") =>
        new(workDirectory, project, Stage: "", Promotion: "", [], [], new Dictionary<string, WarehouseSubscriptions>(StringComparer.Ordinal));
}
