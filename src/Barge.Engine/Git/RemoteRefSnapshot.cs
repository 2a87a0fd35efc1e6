using System.Text;

namespace Barge.Engine.Git;

/// <summary>
/// The branches and tags a remote advertised at one moment, and its default branch. Peeled tag
/// entries (<c>^{}</c>) are left out: they move only when the tag itself moves.
/// </summary>
internal sealed record RemoteRefSnapshot(IReadOnlyList<RemoteRef> Refs, string? DefaultBranch)
{
    private const string HeadsPrefix = "refs/heads/";
    private const string TagsPrefix = "refs/tags/";

    public static RemoteRefSnapshot Empty { get; } = new([], null);

    /// <summary>The ID a branch points at, or null when the remote has no such branch.</summary>
    public string? BranchHead(string branch) => Find(HeadsPrefix + branch);

    /// <summary>Tags by short name (without <c>refs/tags/</c>) and the object each points at, sorted by name.</summary>
    public IEnumerable<RemoteRef> Tags =>
        Refs.Where(r => r.Name.StartsWith(TagsPrefix, StringComparison.Ordinal))
            .Select(r => r with { Name = r.Name[TagsPrefix.Length..] });

    public string? Find(string name) => Refs.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))?.Id;

    /// <summary>
    /// Parses <c>git ls-remote --symref</c> output: <c>&lt;id&gt;\t&lt;ref&gt;</c> lines, plus a
    /// <c>ref: refs/heads/main\tHEAD</c> line naming the default branch. Only branches and tags are kept.
    /// </summary>
    public static RemoteRefSnapshot Parse(string lsRemoteOutput)
    {
        ArgumentNullException.ThrowIfNull(lsRemoteOutput);
        var refs = new List<RemoteRef>();
        string? defaultBranch = null;
        foreach (var line in lsRemoteOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }
            var left = line[..tab];
            var name = line[(tab + 1)..];
            if (left.StartsWith("ref: ", StringComparison.Ordinal))
            {
                if (name == "HEAD" && left[5..].StartsWith(HeadsPrefix, StringComparison.Ordinal))
                {
                    defaultBranch = left[(5 + HeadsPrefix.Length)..];
                }
                continue;
            }
            if (name.EndsWith("^{}", StringComparison.Ordinal)
                || !(name.StartsWith(HeadsPrefix, StringComparison.Ordinal) || name.StartsWith(TagsPrefix, StringComparison.Ordinal)))
            {
                continue;
            }
            refs.Add(new RemoteRef(name, left));
        }
        refs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new RemoteRefSnapshot(refs, defaultBranch);
    }

    /// <summary>A stable text form, stored next to a mirror to know whether the remote moved since the last fetch.</summary>
    public string Serialize()
    {
        var text = new StringBuilder();
        if (DefaultBranch is not null)
        {
            text.Append("ref: ").Append(HeadsPrefix).Append(DefaultBranch).Append("\tHEAD\n");
        }
        foreach (var r in Refs)
        {
            text.Append(r.Id).Append('\t').Append(r.Name).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Same refs at the same IDs and the same default branch.</summary>
    public bool SameAs(RemoteRefSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return DefaultBranch == other.DefaultBranch && Refs.SequenceEqual(other.Refs);
    }
}
