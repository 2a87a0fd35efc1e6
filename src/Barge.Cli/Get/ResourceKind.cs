namespace Barge.Cli.Get;

/// <summary>A kind as the CLI names it: <c>Stage</c> is <c>stages</c>, <c>stage</c>.</summary>
internal sealed record ResourceKind(string Kind, string ApiVersion, string Plural, bool Namespaced, IReadOnlyList<string> Aliases)
{
    public bool Matches(string word) =>
        word.Equals(Plural, StringComparison.OrdinalIgnoreCase)
        || word.Equals(Kind, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => word.Equals(a, StringComparison.OrdinalIgnoreCase));
}
