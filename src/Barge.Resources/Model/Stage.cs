using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>A target environment: what Freight it requests, and how Freight is promoted into it.</summary>
public sealed record Stage : Resource
{
    public Stage()
    {
        ApiVersion = KargoApi.Version;
        Kind = "Stage";
    }

    /// <summary>The desired state.</summary>
    public StageSpec? Spec { get; init; }

    /// <summary>Observed state, written by the Stage controller.</summary>
    public StageStatus? Status { get; init; }
}

/// <summary>What a Stage requests and how it promotes.</summary>
public sealed record StageSpec
{
    /// <summary>The controller shard; synced with label <c>kargo.akuity.io/shard</c>.</summary>
    public string? Shard { get; init; }

    /// <summary>Stage-level variables, available to the promotion template and verification.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The Freight the Stage requests, one entry per origin; at least one.</summary>
    public List<FreightRequest>? RequestedFreight { get; init; }

    /// <summary>How Freight is promoted. Absent (or without steps) makes a control-flow Stage.</summary>
    public PromotionTemplate? PromotionTemplate { get; init; }

    /// <summary>How Freight is verified after promotion. Default: none.</summary>
    public Verification? Verification { get; init; }

    /// <summary>Targets (Kargo Enterprise; rejected by Barge's validation).</summary>
    public JsonNode? Targets { get; init; }
}

/// <summary>A request for Freight from one origin.</summary>
public sealed record FreightRequest
{
    /// <summary>The origin (Warehouse) of the requested Freight.</summary>
    public FreightOrigin? Origin { get; init; }

    /// <summary>Where the Freight may come from.</summary>
    public FreightSources? Sources { get; init; }
}

/// <summary>Where requested Freight may come from; at least one of direct and stages.</summary>
public sealed record FreightSources
{
    /// <summary>Whether Freight may come straight from the origin. Default: false.</summary>
    public bool Direct { get; init; }

    /// <summary>Upstream Stages the Freight must have been verified in.</summary>
    public List<string>? Stages { get; init; }

    /// <summary>How long Freight must have soaked in upstream Stages (Go duration). Default: no soak.</summary>
    public string? RequiredSoakTime { get; init; }

    /// <summary><c>OneOf</c> (verified in any upstream Stage) or <c>All</c>. Default: <c>OneOf</c> (also <c>""</c>).</summary>
    public string? AvailabilityStrategy { get; init; }

    /// <summary>How auto-promotion picks Freight.</summary>
    public AutoPromotionOptions? AutoPromotionOptions { get; init; }
}

/// <summary>How auto-promotion picks Freight.</summary>
public sealed record AutoPromotionOptions
{
    /// <summary>Default: <c>NewestFreight</c>.</summary>
    public AutoPromotionSelectionPolicy? SelectionPolicy { get; init; }
}

/// <summary>Auto-promotion selection policies.</summary>
[JsonConverter(typeof(KargoEnumConverter<AutoPromotionSelectionPolicy>))]
public enum AutoPromotionSelectionPolicy
{
    /// <summary>The newest available Freight.</summary>
    NewestFreight,

    /// <summary>The Freight currently in the single upstream Stage.</summary>
    MatchUpstream,
}

/// <summary>The template Promotions into a Stage are built from.</summary>
public sealed record PromotionTemplate
{
    /// <summary>The template's content.</summary>
    public PromotionTemplateSpec? Spec { get; init; }
}

/// <summary>Variables and steps of a promotion template.</summary>
public sealed record PromotionTemplateSpec
{
    /// <summary>Template variables, evaluated after the Stage's.</summary>
    public List<ExpressionVariable>? Vars { get; init; }

    /// <summary>The steps; at least one.</summary>
    public List<PromotionStep>? Steps { get; init; }
}

/// <summary>How a Stage's Freight is verified.</summary>
public sealed record Verification
{
    /// <summary>Analysis templates to run.</summary>
    public List<AnalysisTemplateReference>? AnalysisTemplates { get; init; }

    /// <summary>Labels and annotations for the analysis runs.</summary>
    public AnalysisRunMetadata? AnalysisRunMetadata { get; init; }

    /// <summary>Arguments passed to the analysis.</summary>
    public List<AnalysisRunArgument>? Args { get; init; }
}

/// <summary>A reference to an analysis template.</summary>
public sealed record AnalysisTemplateReference
{
    /// <summary>The template's name.</summary>
    public string? Name { get; init; }

    /// <summary><c>AnalysisTemplate</c> or <c>ClusterAnalysisTemplate</c>. Default: <c>AnalysisTemplate</c>.</summary>
    public AnalysisTemplateKind? Kind { get; init; }
}

/// <summary>Kinds of analysis templates.</summary>
[JsonConverter(typeof(KargoEnumConverter<AnalysisTemplateKind>))]
public enum AnalysisTemplateKind
{
    /// <summary>A namespaced template.</summary>
    AnalysisTemplate,

    /// <summary>A cluster-wide template.</summary>
    ClusterAnalysisTemplate,
}

/// <summary>Metadata for analysis runs.</summary>
public sealed record AnalysisRunMetadata
{
    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations.</summary>
    public Dictionary<string, string>? Annotations { get; init; }
}

/// <summary>An analysis argument.</summary>
public sealed record AnalysisRunArgument
{
    /// <summary>The argument's name.</summary>
    public string? Name { get; init; }

    /// <summary>The argument's value (may contain expressions).</summary>
    public string? Value { get; init; }
}
