using System.Text.Json.Nodes;

namespace Barge.Resources.Model;

/// <summary>
/// An immutable, content-addressed bundle of artifacts. Its name is the Freight ID computed from
/// origin and artifacts; only <see cref="Alias"/> and <see cref="Status"/> may change after creation.
/// Freight has no <c>spec</c>: the payload fields are top-level, as in Kargo.
/// </summary>
public sealed record Freight : Resource
{
    public Freight()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Freight";
    }

    /// <summary>A human-friendly name, unique in the project; mirrored in label <c>kargo.akuity.io/alias</c>. Default: generated <c>adjective-animal</c>.</summary>
    public string? Alias { get; init; }

    /// <summary>Where the Freight came from.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>Git commits.</summary>
    public List<GitCommit>? Commits { get; init; }

    /// <summary>Container images.</summary>
    public List<Image>? Images { get; init; }

    /// <summary>Helm charts.</summary>
    public List<Chart>? Charts { get; init; }

    /// <summary>Generic artifacts of custom subscriptions.</summary>
    public List<ArtifactReference>? Artifacts { get; init; }

    /// <summary>When the artifacts were discovered. Default: the creation time.</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }

    /// <summary>Where the Freight is, was verified and is approved.</summary>
    public FreightStatus? Status { get; init; }
}

/// <summary>Observed state of a piece of Freight.</summary>
public sealed record FreightStatus
{
    /// <summary>Stages the Freight is currently in, by Stage name.</summary>
    public Dictionary<string, CurrentStage>? CurrentlyIn { get; init; }

    /// <summary>Stages the Freight was verified in, by Stage name.</summary>
    public Dictionary<string, VerifiedStage>? VerifiedIn { get; init; }

    /// <summary>Stages the Freight was manually approved for, by Stage name.</summary>
    public Dictionary<string, ApprovedStage>? ApprovedFor { get; init; }

    /// <summary>Free-form metadata written by steps (<c>set-metadata</c>).</summary>
    public Dictionary<string, JsonNode?>? Metadata { get; init; }
}
