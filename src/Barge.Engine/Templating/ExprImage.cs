using Barge.Resources.Model;

namespace Barge.Engine.Templating;

/// <summary>What <c>imageFrom</c> returns: a Freight image with Kargo's Go field names (<c>.Tag</c>, <c>.Digest</c>, …).</summary>
internal sealed record ExprImage(string RepoURL, string Tag, string Digest, IReadOnlyDictionary<string, string> Annotations, string SubscriptionName)
{
    public static ExprImage From(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(image.RepoURL ?? "", image.Tag ?? "", image.Digest ?? "",
            image.Annotations ?? new Dictionary<string, string>(StringComparer.Ordinal), image.SubscriptionName ?? "");
    }
}
