using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>What <c>chartFrom</c> returns: a Freight chart with Kargo's Go field names (<c>.Version</c>, <c>.Name</c>, …).</summary>
internal sealed record ExprChart(string RepoURL, string Name, string Version, string SubscriptionName)
{
    public static ExprChart From(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new(chart.RepoURL ?? "", chart.Name ?? "", chart.Version ?? "", chart.SubscriptionName ?? "");
    }
}
