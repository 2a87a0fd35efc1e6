using Barge.Expressions;
using Barge.Resources.Identity;
using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>
/// The artifact lookup behind <c>commitFrom</c>, <c>imageFrom</c>, <c>chartFrom</c> and
/// <c>artifactFrom</c> (Kargo's <c>pkg/controller/freight/finder.go</c>): without an origin, the one
/// requested Warehouse that subscribes to the artifact is the origin (two is an error asking to
/// disambiguate); then the Promotion's Freight collection entry of that origin is searched. Absent
/// artifacts are nil.
/// </summary>
internal sealed class FreightFinder(PromotionFacts facts)
{
    public ExprGitCommit? Commit(string repoURL, ExprFreightOrigin? origin)
    {
        var normalized = RepoUrls.NormalizeGit(repoURL);
        origin ??= OriginOf(
            sub => sub.Git?.RepoURL is { } url && RepoUrls.NormalizeGit(url) == normalized,
            $"multiple requested Freight could potentially provide a commit from repo {repoURL}; please update promotion steps to disambiguate");
        if (origin is null)
        {
            return null;
        }
        var commit = References(origin).SelectMany(r => r.Commits ?? [])
            .FirstOrDefault(c => c.RepoURL is { } url && RepoUrls.NormalizeGit(url) == normalized);
        return commit is null ? null : ExprGitCommit.From(commit);
    }

    public ExprImage? Image(string repoURL, ExprFreightOrigin? origin)
    {
        origin ??= OriginOf(
            sub => sub.Image?.RepoURL == repoURL,
            $"multiple requested Freight could potentially provide a container image from repository {repoURL}: please provide a Freight origin to disambiguate");
        if (origin is null)
        {
            return null;
        }
        var image = References(origin).SelectMany(r => r.Images ?? []).FirstOrDefault(i => i.RepoURL == repoURL);
        return image is null ? null : ExprImage.From(image);
    }

    public ExprChart? Chart(string repoURL, string chartName, ExprFreightOrigin? origin)
    {
        if (origin is null)
        {
            origin = OriginOf(
                sub => sub.Chart is { } chart && chart.RepoURL == repoURL && (chart.Name ?? "") == chartName,
                $"multiple requested Freight could potentially provide a chart from repository {repoURL}: please provide a Freight origin to disambiguate");
            if (origin is null)
            {
                throw new ExpressionFunctionException(chartName.Length == 0
                    ? $"chart from repo {repoURL} not found in referenced Freight"
                    : $"chart \"{chartName}\" from repo {repoURL} not found in referenced Freight");
            }
        }
        var found = References(origin).SelectMany(r => r.Charts ?? [])
            .FirstOrDefault(c => c.RepoURL == repoURL && (c.Name ?? "") == chartName);
        return found is null ? null : ExprChart.From(found);
    }

    public ExprArtifact? Artifact(string subscriptionName, ExprFreightOrigin? origin)
    {
        origin ??= OriginOf(
            sub => sub.Name == subscriptionName && sub.Git is null && sub.Image is null && sub.Chart is null,
            $"multiple requested Freight could potentially provide a \"{subscriptionName}\" artifact; please update promotion steps to disambiguate");
        if (origin is null)
        {
            return null;
        }
        var artifact = References(origin).SelectMany(r => r.Artifacts ?? []).FirstOrDefault(a => a.SubscriptionName == subscriptionName);
        return artifact is null ? null : ExprArtifact.From(artifact);
    }

    private ExprFreightOrigin? OriginOf(Func<RepoSubscription, bool> matches, string ambiguity)
    {
        ExprFreightOrigin? found = null;
        foreach (var requested in facts.RequestedOrigins)
        {
            var name = requested.Name ?? "";
            if (!facts.Warehouses.TryGetValue(name, out var warehouse))
            {
                throw new ExpressionFunctionException($"Warehouse \"{name}\" not found in namespace \"{facts.Project}\"");
            }
            if (!(warehouse.Spec?.Subscriptions ?? []).Any(matches))
            {
                continue;
            }
            if (found is not null)
            {
                throw new ExpressionFunctionException(ambiguity);
            }
            found = new ExprFreightOrigin(requested.Kind ?? FreightOrigin.WarehouseKind, name);
        }
        return found;
    }

    private IEnumerable<FreightReference> References(ExprFreightOrigin origin) =>
        (facts.Collection.Items ?? []).Values
            .Where(r => r.Origin is { } o && (o.Kind ?? FreightOrigin.WarehouseKind) == origin.Kind && o.Name == origin.Name);
}
