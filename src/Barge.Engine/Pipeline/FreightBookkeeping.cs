using Barge.Resources.Durations;
using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

/// <summary>
/// The Freight status bookkeeping of kargo-spec.md §1.5 as pure transformations: where the Freight is
/// (<c>currentlyIn</c>), where it was verified (<c>verifiedIn</c>, with <c>longestSoak</c>) and what it is
/// approved for (<c>approvedFor</c>). Each method returns the given status itself — the same instance —
/// when nothing changes, so a caller writes only when <c>!ReferenceEquals(before, after)</c>.
/// </summary>
public sealed class FreightBookkeeping
{
    private readonly TimeProvider time;

    public FreightBookkeeping(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <summary>The Freight entered <paramref name="stage"/> now; an existing entry keeps its <c>since</c>.</summary>
    public FreightStatus EnterStage(FreightStatus? status, string stage)
    {
        status ??= new FreightStatus();
        if (status.CurrentlyIn?.ContainsKey(stage) == true)
        {
            return status;
        }
        return status with { CurrentlyIn = With(status.CurrentlyIn, stage, new CurrentStage { Since = time.GetUtcNow() }) };
    }

    /// <summary>
    /// The Freight left <paramref name="stage"/>. If it was verified there, the time it spent there becomes
    /// <c>longestSoak</c> when that is longer than the one recorded.
    /// </summary>
    public FreightStatus LeaveStage(FreightStatus? status, string stage)
    {
        status ??= new FreightStatus();
        if (status.CurrentlyIn?.TryGetValue(stage, out var presence) != true)
        {
            return status;
        }
        var verifiedIn = status.VerifiedIn;
        if (presence!.Since is { } since && verifiedIn?.TryGetValue(stage, out var verified) == true)
        {
            var soak = time.GetUtcNow() - since;
            if (!GoDuration.TryParse(verified.LongestSoak, out var longest) || soak > longest)
            {
                verifiedIn = With(verifiedIn, stage, verified with { LongestSoak = GoDuration.Format(soak) });
            }
        }
        return status with { CurrentlyIn = Without(status.CurrentlyIn, stage), VerifiedIn = verifiedIn };
    }

    /// <summary>The Freight was verified in <paramref name="stage"/> at <paramref name="verifiedAt"/>; a first verification is kept.</summary>
    public static FreightStatus MarkVerified(FreightStatus? status, string stage, DateTimeOffset verifiedAt)
    {
        status ??= new FreightStatus();
        if (status.VerifiedIn?.ContainsKey(stage) == true)
        {
            return status;
        }
        return status with { VerifiedIn = With(status.VerifiedIn, stage, new VerifiedStage { VerifiedAt = verifiedAt }) };
    }

    /// <summary>A person approved the Freight for <paramref name="stage"/> now; an earlier approval is kept.</summary>
    public FreightStatus Approve(FreightStatus? status, string stage)
    {
        status ??= new FreightStatus();
        if (status.ApprovedFor?.ContainsKey(stage) == true)
        {
            return status;
        }
        return status with { ApprovedFor = With(status.ApprovedFor, stage, new ApprovedStage { ApprovedAt = time.GetUtcNow() }) };
    }

    /// <summary>The Stage was deleted: its <c>verifiedIn</c> and <c>approvedFor</c> entries go (kargo-spec.md §7.5).</summary>
    public static FreightStatus ForgetStage(FreightStatus? status, string stage)
    {
        status ??= new FreightStatus();
        var verified = status.VerifiedIn?.ContainsKey(stage) == true;
        var approved = status.ApprovedFor?.ContainsKey(stage) == true;
        if (!verified && !approved)
        {
            return status;
        }
        return status with
        {
            VerifiedIn = verified ? Without(status.VerifiedIn, stage) : status.VerifiedIn,
            ApprovedFor = approved ? Without(status.ApprovedFor, stage) : status.ApprovedFor,
        };
    }

    private static Dictionary<string, T> With<T>(Dictionary<string, T>? map, string key, T value) =>
        new(map ?? [], StringComparer.Ordinal) { [key] = value };

    private static Dictionary<string, T>? Without<T>(Dictionary<string, T>? map, string key)
    {
        var copy = new Dictionary<string, T>(map ?? [], StringComparer.Ordinal);
        copy.Remove(key);
        return copy.Count == 0 ? null : copy;
    }
}
