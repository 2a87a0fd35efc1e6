using Barge.Resources.Durations;
using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// Freight availability (kargo-spec.md §7.2): a piece of Freight from origin O is available to Stage S
/// when S requests O and it is approved for S, or S takes O directly, or it was verified in — and has
/// soaked <c>requiredSoakTime</c> in — one upstream Stage (<c>OneOf</c>, the default) or every one
/// (<c>All</c>). The list form adds <c>MatchUpstream</c>: only what the single upstream Stage holds now.
/// Pure: the only input beyond the resources is the clock.
/// </summary>
public sealed class FreightAvailability
{
    private readonly TimeProvider time;

    public FreightAvailability(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <summary>Kargo's <c>Stage.IsFreightAvailable</c>, with the reasons when the answer is no.</summary>
    public AvailabilityVerdict Evaluate(Stage stage, Freight freight)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var request = RequestFor(stage, freight);
        if (request is null)
        {
            return new AvailabilityVerdict(AvailabilityRoute.None,
                [new UnavailableReason(UnavailableReasonKind.OriginNotRequested, null, null,
                    $"Stage \"{stage.Name}\" in project \"{stage.Project}\" does not request Freight from {OriginKeys.Of(freight.Origin)}")],
                null);
        }
        return Evaluate(stage, request, freight);
    }

    /// <summary>Whether the Freight is available to the Stage (<see cref="Evaluate(Stage, Freight)"/> without the reasons).</summary>
    public bool IsAvailable(Stage stage, Freight freight) => Evaluate(stage, freight).IsAvailable;

    /// <summary>
    /// Kargo's <c>ListFreightAvailableToStage</c> over the given Freight: per requested origin (or only
    /// <paramref name="origin"/> when given), the available Freight, restricted with <c>MatchUpstream</c> to
    /// what the single upstream Stage holds; de-duplicated and sorted by name.
    /// </summary>
    public IReadOnlyList<Freight> ListAvailable(Stage stage, IEnumerable<Freight> freight, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        var result = new SortedDictionary<string, Freight>(StringComparer.Ordinal);
        foreach (var item in freight)
        {
            if (origin is not null && item.Origin?.Name != origin)
            {
                continue;
            }
            if (RequestFor(stage, item) is { } request && EvaluateForList(stage, request, item).IsAvailable)
            {
                result.TryAdd(item.Name, item);
            }
        }
        return [.. result.Values];
    }

    /// <summary>The list form's verdict: <see cref="Evaluate(Stage, Freight)"/> plus the <c>MatchUpstream</c> restriction.</summary>
    public AvailabilityVerdict EvaluateForList(Stage stage, Freight freight)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(freight);
        return RequestFor(stage, freight) is { } request ? EvaluateForList(stage, request, freight) : Evaluate(stage, freight);
    }

    /// <summary>
    /// Kargo's <c>GetLongestSoak</c>: zero unless verified in <paramref name="stage"/>; otherwise the longer of
    /// the recorded <c>longestSoak</c> and the time since the Freight entered the Stage, if it is still there.
    /// </summary>
    public TimeSpan LongestSoak(Freight freight, string stage)
    {
        ArgumentNullException.ThrowIfNull(freight);
        if (freight.Status?.VerifiedIn?.TryGetValue(stage, out var verified) != true)
        {
            return TimeSpan.Zero;
        }
        var completed = GoDuration.TryParse(verified!.LongestSoak, out var recorded) ? recorded : TimeSpan.Zero;
        var current = freight.Status.CurrentlyIn?.TryGetValue(stage, out var presence) == true && presence.Since is { } since
            ? time.GetUtcNow() - since
            : TimeSpan.Zero;
        return completed > current ? completed : current;
    }

    /// <summary>Kargo's <c>HasSoakedIn</c>: true without a requirement, else longest soak ≥ requirement.</summary>
    public bool HasSoakedIn(Freight freight, string stage, TimeSpan? required) =>
        required is null || LongestSoak(freight, stage) >= required.Value;

    private static FreightRequest? RequestFor(Stage stage, Freight freight)
    {
        if (!string.IsNullOrEmpty(stage.Project) && !string.IsNullOrEmpty(freight.Project) && stage.Project != freight.Project)
        {
            return null;
        }
        return stage.Spec?.RequestedFreight?.FirstOrDefault(r => OriginKeys.Same(r.Origin, freight.Origin));
    }

    private AvailabilityVerdict EvaluateForList(Stage stage, FreightRequest request, Freight freight)
    {
        var verdict = Evaluate(stage, request, freight);
        var sources = request.Sources;
        if (!verdict.IsAvailable || sources is null || sources.Direct
            || sources.AutoPromotionOptions?.SelectionPolicy != AutoPromotionSelectionPolicy.MatchUpstream
            || sources.Stages is not [var upstream, ..])
        {
            return verdict;
        }
        if (freight.Status?.CurrentlyIn?.ContainsKey(upstream) == true)
        {
            return verdict;
        }
        return new AvailabilityVerdict(AvailabilityRoute.None,
            [new UnavailableReason(UnavailableReasonKind.NotCurrentlyUpstream, upstream, null,
                $"Freight \"{freight.Name}\" is not currently in Stage \"{upstream}\", and Stage \"{stage.Name}\" matches its upstream (selectionPolicy MatchUpstream)")],
            null);
    }

    private AvailabilityVerdict Evaluate(Stage stage, FreightRequest request, Freight freight)
    {
        if (freight.Status?.ApprovedFor?.ContainsKey(stage.Name) == true)
        {
            return AvailabilityVerdict.Available(AvailabilityRoute.Approved);
        }
        var sources = request.Sources ?? new FreightSources();
        if (sources.Direct)
        {
            return AvailabilityVerdict.Available(AvailabilityRoute.Direct);
        }
        var reasons = new List<UnavailableReason>();
        TimeSpan? required = null;
        if (!string.IsNullOrEmpty(sources.RequiredSoakTime))
        {
            if (!GoDuration.TryParse(sources.RequiredSoakTime, out var parsed))
            {
                return Invalid(stage, $"requiredSoakTime \"{sources.RequiredSoakTime}\" is not a duration");
            }
            required = parsed;
        }
        var all = sources.AvailabilityStrategy switch
        {
            null or "" or "OneOf" => false,
            "All" => true,
            _ => (bool?)null,
        };
        if (all is null)
        {
            return Invalid(stage, $"availabilityStrategy \"{sources.AvailabilityStrategy}\" is not supported (OneOf or All)");
        }
        var upstreams = sources.Stages ?? [];
        var satisfied = 0;
        var deadlines = new List<DateTimeOffset>();
        var blocked = 0;
        foreach (var upstream in upstreams)
        {
            if (freight.Status?.VerifiedIn?.ContainsKey(upstream) != true)
            {
                blocked++;
                reasons.Add(new UnavailableReason(UnavailableReasonKind.NotVerifiedUpstream, upstream, null,
                    $"Freight \"{freight.Name}\" has not been verified in Stage \"{upstream}\""));
                continue;
            }
            if (HasSoakedIn(freight, upstream, required))
            {
                satisfied++;
                continue;
            }
            var remaining = required!.Value - LongestSoak(freight, upstream);
            reasons.Add(new UnavailableReason(UnavailableReasonKind.SoakTimeRemaining, upstream, remaining,
                $"Freight \"{freight.Name}\" must soak in Stage \"{upstream}\" for {GoDuration.Format(remaining)} more (requiredSoakTime {GoDuration.Format(required.Value)})"));
            if (freight.Status.CurrentlyIn?.ContainsKey(upstream) == true)
            {
                deadlines.Add(time.GetUtcNow() + remaining);
            }
            else
            {
                blocked++;
            }
        }
        // Kargo answers All with no upstream Stages as vacuously true; validation requires direct or stages.
        if (all.Value ? satisfied == upstreams.Count : satisfied > 0)
        {
            return AvailabilityVerdict.Available(AvailabilityRoute.VerifiedUpstream);
        }
        reasons.Add(new UnavailableReason(UnavailableReasonKind.NotApproved, null, null,
            $"Freight \"{freight.Name}\" is not approved for Stage \"{stage.Name}\""));
        DateTimeOffset? availableAt = null;
        if (deadlines.Count > 0)
        {
            // OneOf: the first upstream to finish soaking is enough. All: every blocked upstream must
            // be one that finishes by itself, and the last one decides.
            availableAt = all.Value ? (blocked == 0 ? deadlines.Max() : null) : deadlines.Min();
        }
        return new AvailabilityVerdict(AvailabilityRoute.None, reasons, availableAt);
    }

    private static AvailabilityVerdict Invalid(Stage stage, string problem) =>
        new(AvailabilityRoute.None,
            [new UnavailableReason(UnavailableReasonKind.InvalidRequest, null, null, $"Stage \"{stage.Name}\" in project \"{stage.Project}\": {problem}")],
            null);
}
