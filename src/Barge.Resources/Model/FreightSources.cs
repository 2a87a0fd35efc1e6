namespace Barge.Resources.Model;

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
