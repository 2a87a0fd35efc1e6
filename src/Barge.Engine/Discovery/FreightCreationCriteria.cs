using Barge.Expressions;
using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Engine.Discovery;

/// <summary>
/// A Warehouse's <c>freightCreationCriteria.expression</c>, evaluated as Kargo does: no variables,
/// and the discovered-artifact functions <c>commitFrom(url)</c>, <c>imageFrom(url)</c> and
/// <c>chartFrom(url[, name])</c> returning the newest discovered entry (URLs compared normalised),
/// or nil. Absent or blank criteria, or a discovery without git/image/chart results, are satisfied.
/// </summary>
public static class FreightCreationCriteriaEvaluator
{
    /// <summary>Whether Freight may be created; false with <paramref name="error"/> when evaluation failed.</summary>
    public static bool TryEvaluate(string? expression, DiscoveredArtifacts artifacts, out bool satisfied, out string? error)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        error = null;
        satisfied = true;
        var any = (artifacts.Git?.Count ?? 0) + (artifacts.Images?.Count ?? 0) + (artifacts.Charts?.Count ?? 0) > 0;
        if (string.IsNullOrWhiteSpace(expression) || !any)
        {
            return true;
        }
        var options = ExprOptions.Default with { Functions = Functions(artifacts) };
        if (!ExpressionPredicate.TryCompile(expression, "freightCreationCriteria.expression", options, out var predicate, out error))
        {
            satisfied = false;
            return false;
        }
        if (!predicate.TryTest(null, out satisfied, out error))
        {
            satisfied = false;
            return false;
        }
        return true;
    }

    private static FunctionRegistry Functions(DiscoveredArtifacts artifacts) => FunctionRegistry.Create(
        new HostFunction("commitFrom", [new HostParameter("repoURL", ArgumentKind.String)], args =>
        {
            var url = RepoUrls.NormalizeGit((string)args[0]!);
            var result = artifacts.Git?.FirstOrDefault(g => RepoUrls.NormalizeGit(g.RepoURL ?? "") == url);
            return result?.Commits is { Count: > 0 } commits ? Commit(commits[0]) : null;
        }),
        new HostFunction("imageFrom", [new HostParameter("repoURL", ArgumentKind.String)], args =>
        {
            var url = RepoUrls.NormalizeImage((string)args[0]!);
            var result = artifacts.Images?.FirstOrDefault(i => RepoUrls.NormalizeImage(i.RepoURL ?? "") == url);
            return result?.References is { Count: > 0 } references ? Image(references[0]) : null;
        }),
        new HostFunction("chartFrom", [new HostParameter("repoURL", ArgumentKind.String), new HostParameter("name", ArgumentKind.String, Optional: true)], args =>
        {
            var url = RepoUrls.NormalizeChart((string)args[0]!);
            var name = args.Length > 1 ? (string?)args[1] ?? "" : "";
            var result = artifacts.Charts?.FirstOrDefault(c => RepoUrls.NormalizeChart(c.RepoURL ?? "") == url && (c.Name ?? "") == name);
            return result?.Versions is { Count: > 0 } versions
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["RepoURL"] = url, ["Name"] = name, ["Version"] = versions[0] }
                : null;
        }));

    private static Dictionary<string, object?> Commit(DiscoveredCommit c) => new(StringComparer.Ordinal)
    {
        ["ID"] = c.Id ?? "",
        ["Branch"] = c.Branch ?? "",
        ["Tag"] = c.Tag ?? "",
        ["Subject"] = c.Subject ?? "",
        ["Author"] = c.Author ?? "",
        ["Committer"] = c.Committer ?? "",
        ["CreatorDate"] = c.CreatorDate,
    };

    private static Dictionary<string, object?> Image(Resources.Model.DiscoveredImageReference r) => new(StringComparer.Ordinal)
    {
        ["Tag"] = r.Tag ?? "",
        ["Digest"] = r.Digest ?? "",
        ["Annotations"] = r.Annotations is null ? new Dictionary<string, object?>() : r.Annotations.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
        ["CreatedAt"] = r.CreatedAt,
    };
}
