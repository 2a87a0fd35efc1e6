using Barge.Resources.Model;

namespace Barge.Cli.Get;

/// <summary>
/// The kinds the CLI's <c>get</c> and <c>delete</c> accept, by the names and short names of Kargo's CLI
/// (Barge.Resources' kind registry). Secrets are deliberately not readable through <c>get</c>: their
/// values never reach a terminal.
/// </summary>
internal static class CliKinds
{
    public static IEnumerable<ResourceKind> Readable => ResourceKinds.All.Where(k => k.Name != "Secret");

    public static string Supported => string.Join(", ", Readable.Select(k => k.Plural));

    public static string SupportedForDelete => string.Join(", ", ResourceKinds.All.Select(k => k.Plural));

    /// <summary>The kind for a word a user typed (<c>stages</c>, <c>stage</c>, <c>promo</c>…); null when unknown.</summary>
    public static ResourceKind? Find(string word, bool includeSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(word);
        var kind = ResourceKinds.FindByCliName(word);
        return kind is null || (!includeSecrets && kind.Name == "Secret") ? null : kind;
    }

    public static bool IsFreight(ResourceKind kind) => kind.Name == "Freight";

    public static bool IsProject(ResourceKind kind) => kind.Name == "Project";

    /// <summary>How Kargo's CLI names one object in messages: <c>stage.kargo.akuity.io/dev</c>, <c>configmap/settings</c>.</summary>
    public static string Display(ResourceKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var slash = kind.ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : "." + kind.ApiVersion[..slash];
        return kind.Name.ToLowerInvariant() + group + "/" + name;
    }
}
