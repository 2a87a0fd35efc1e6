namespace Barge.Resources.Model;

/// <summary>Watches repositories and bundles what it discovers into Freight.</summary>
public sealed record Warehouse : Resource
{
    public Warehouse()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Warehouse";
    }

    /// <summary>The desired state.</summary>
    public WarehouseSpec? Spec { get; init; }

    /// <summary>The observed state, written by the Warehouse controller.</summary>
    public WarehouseStatus? Status { get; init; }
}

/// <summary>What a Warehouse watches and how it creates Freight.</summary>
public sealed record WarehouseSpec
{
    /// <summary>The controller shard that handles this Warehouse; synced with label <c>kargo.akuity.io/shard</c>.</summary>
    public string? Shard { get; init; }

    /// <summary>How often discovery runs (Go duration). Default: <c>5m0s</c>.</summary>
    public string? Interval { get; init; }

    /// <summary>Whether Freight is created automatically from discoveries. Default: <c>Automatic</c>.</summary>
    public FreightCreationPolicy? FreightCreationPolicy { get; init; }

    /// <summary>Extra conditions for automatic Freight creation.</summary>
    public FreightCreationCriteria? FreightCreationCriteria { get; init; }

    /// <summary>The repositories to watch; at least one.</summary>
    public List<RepoSubscription>? Subscriptions { get; init; }
}

/// <summary>Observed state of a Warehouse.</summary>
public sealed record WarehouseStatus
{
    /// <summary>Ready, Healthy, Reconciling, FreightCreationCriteriaSatisfied, FreightCreated.</summary>
    public List<Condition>? Conditions { get; init; }

    /// <summary>The last value of the refresh annotation the controller handled.</summary>
    public string? LastHandledRefresh { get; init; }

    /// <summary>The generation the status reflects.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>The name of the last Freight built.</summary>
    public string? LastFreightID { get; init; }

    /// <summary>What the last discovery found.</summary>
    public DiscoveredArtifacts? DiscoveredArtifacts { get; init; }
}
