using System.Collections.Concurrent;

namespace Barge.Engine.Git;

/// <summary>
/// How many git processes were started, by subcommand (<c>fetch</c>, <c>ls-remote</c>, …). Cheap
/// enough to keep always; it is what shows that an unchanged re-discovery did not fetch.
/// </summary>
internal sealed class GitCommandStats
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Count(string subcommand) => counts.TryGetValue(subcommand, out var n) ? n : 0;

    public int Total => counts.Values.Sum();

    /// <summary>Processes that transferred objects from a remote: clones and fetches.</summary>
    public int Transfers => Count("clone") + Count("fetch");

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(counts, StringComparer.Ordinal);

    internal void Record(string subcommand) => counts.AddOrUpdate(subcommand, 1, (_, n) => n + 1);
}
