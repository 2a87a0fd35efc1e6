using Barge.Resources.Versioning;

namespace Barge.Engine.Discovery.Charts;

/// <summary>
/// Kargo's chart version selection (<c>pkg/helm/chart</c>): classic repositories parse each listed
/// version leniently; OCI tags have every <c>_</c> turned into <c>+</c> and must then parse
/// strictly. Unparseable entries are skipped. Then the constraint, the Kargo order (newest first,
/// ties by text descending) and the limit. The output is each version's original text (the
/// rewritten text for OCI).
/// </summary>
internal static class ChartVersionSelector
{
    public static IReadOnlyList<string> FromClassicIndex(IEnumerable<string> versions, SemVerConstraints? constraint, int limit) =>
        Select(versions.Select(v => SemVersion.TryParse(v, out var parsed) ? parsed : null), constraint, limit);

    public static IReadOnlyList<string> FromOciTags(IEnumerable<string> tags, SemVerConstraints? constraint, int limit) =>
        Select(tags.Select(t => SemVersion.TryParseStrict(t.Replace('_', '+'), out var parsed) ? parsed : null), constraint, limit);

    private static List<string> Select(IEnumerable<SemVersion?> versions, SemVerConstraints? constraint, int limit)
    {
        var kept = versions.OfType<SemVersion>().Where(v => constraint is null || constraint.IsSatisfiedBy(v)).ToList();
        kept.Sort(KargoVersionOrder.Instance);
        return [.. kept.Take(limit > 0 ? limit : kept.Count).Select(v => v.Original)];
    }
}
