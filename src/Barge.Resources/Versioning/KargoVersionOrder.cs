namespace Barge.Resources.Versioning;

/// <summary>
/// Kargo's order of discovered versions (tags, image tags, chart versions): newest first by
/// <see cref="SemVersion.Compare"/>; versions that compare equal (<c>v1.0.0</c>, <c>1.0.0</c>,
/// <c>1.0</c>, or differing only in metadata) are ordered by their original text, ordinal, descending.
/// </summary>
public sealed class KargoVersionOrder : IComparer<SemVersion>
{
    public static KargoVersionOrder Instance { get; } = new();

    private KargoVersionOrder()
    {
    }

    public int Compare(SemVersion? x, SemVersion? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : 1) : -1;
        }
        var byVersion = SemVersion.Compare(y, x);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(y.Original, x.Original);
    }
}
