using Barge.Resources.Model;

namespace Barge.Engine.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>
/// Kargo's <c>ComparePromotionByPhaseAndCreationTime</c> (kargo-spec.md §7.4): Running first, then the
/// other non-terminal Promotions by name ascending (the ULID in the name makes this FIFO), then the
/// terminal ones by name descending. A Promotion without a phase is Pending.
/// </summary>
internal sealed class PromotionOrder : IComparer<Promotion>
{
    public static PromotionOrder Instance { get; } = new();

    public static bool IsTerminal(PromotionPhase phase) =>
        phase is PromotionPhase.Succeeded or PromotionPhase.Failed or PromotionPhase.Errored or PromotionPhase.Aborted;

    public int Compare(Promotion? x, Promotion? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var a = x.Status?.Phase ?? PromotionPhase.Pending;
        var b = y.Status?.Phase ?? PromotionPhase.Pending;
        var byPhase = Rank(a).CompareTo(Rank(b));
        if (byPhase != 0)
        {
            return byPhase;
        }
        return IsTerminal(a) ? string.CompareOrdinal(y.Name, x.Name) : string.CompareOrdinal(x.Name, y.Name);
    }

    private static int Rank(PromotionPhase phase) => phase == PromotionPhase.Running ? 0 : IsTerminal(phase) ? 2 : 1;
}
