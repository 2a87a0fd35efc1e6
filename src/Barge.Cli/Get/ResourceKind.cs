namespace Barge.Cli.Get;

/// <summary>A kind as the CLI names it: <c>Stage</c> is <c>stages</c>, <c>stage</c>.</summary>
internal sealed record ResourceKind(string Kind, string ApiVersion, string Plural, bool Namespaced, IReadOnlyList<string> Aliases)
{
    /// <summary>How Kargo's CLI names one object in messages: <c>stage.kargo.akuity.io/dev</c>, <c>configmap/settings</c>.</summary>
    public string Display(string name)
    {
        var slash = ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : "." + ApiVersion[..slash];
        return Kind.ToLowerInvariant() + group + "/" + name;
    }

    public bool Matches(string word) =>
        word.Equals(Plural, StringComparison.OrdinalIgnoreCase)
        || word.Equals(Kind, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => word.Equals(a, StringComparison.OrdinalIgnoreCase));
}
