using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;

namespace Barge.Benchmarks.Discovery;

/// <summary>
/// Discovery cost of 50 git subscriptions on one repository (the issue's "57 Warehouses on one
/// monorepo"): Barge's shared mirror against one clone per subscription, which is what Kargo does.
/// Each iteration first pushes one new tag, so every round has something new to find. Selection is
/// the same code in both cases; only how the repository is obtained differs.
/// Run: <c>dotnet run -c Release --project bench/Barge.Benchmarks -- --filter '*SharedMirrorDiscovery*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class SharedMirrorDiscoveryBenchmarks
{
    private GeneratedGitRepository? source;
    private GitCli? git;
    private GitMirrorCache? cache;
    private string? scratch;
    private List<IGitCommitSelector> selectors = [];

    [Params(50)]
    public int Subscriptions { get; set; }

    [Params(2000)]
    public int Commits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        source = new GeneratedGitRepository(Commits, Commits / 10);
        git = new GitCli();
        scratch = Path.Combine(source.Root, "scratch");
        cache = new GitMirrorCache(Path.Combine(source.Root, "cache"), git, TimeProvider.System);
        selectors = [.. Enumerable.Range(0, Subscriptions).Select(i => Build(i))];
        // Warm mirror: what a running Barge has after its first discovery.
        if (!cache.SyncAsync("bench", source.Url).GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("initial sync failed");
        }
    }

    [IterationSetup]
    public void PushTag() => source!.PushNewTag();

    [Benchmark(Baseline = true, Description = "clone per subscription (Kargo)")]
    public async Task<int> ClonePerSubscription()
    {
        var found = 0;
        for (var i = 0; i < selectors.Count; i++)
        {
            var folder = Path.Combine(scratch!, Guid.NewGuid().ToString("N"));
            var selector = selectors[i];
            // Kargo: single-branch clone, then "fetch origin --tags" for tag strategies.
            var clone = await git!.RunAsync(["clone", "--quiet", "--no-checkout", "--single-branch", source!.Url, folder]);
            if (!clone.Succeeded)
            {
                throw new InvalidOperationException(clone.Describe());
            }
            if (selector.Strategy != GitCommitSelectionStrategy.NewestFromBranch)
            {
                await git.RunAsync(["-C", folder, "fetch", "--quiet", "origin", "--tags"]);
            }
            var refs = RemoteRefSnapshot.Parse(git.RunAsync(["ls-remote", "--symref", folder]).GetAwaiter().GetResult().StandardOutput);
            var history = new GitMirror(Path.Combine(folder, ".git"), source.Url, refs with { DefaultBranch = "main" }, git);
            found += (await selector.SelectAsync(history, CancellationToken.None)).Value!.Count;
            Directory.Delete(folder, recursive: true);
        }
        return found;
    }

    [Benchmark(Description = "shared mirror")]
    public async Task<int> SharedMirror()
    {
        var found = 0;
        foreach (var selector in selectors)
        {
            var mirror = await cache!.SyncAsync("bench", source!.Url);
            found += (await selector.SelectAsync(mirror.Value!, CancellationToken.None)).Value!.Count;
        }
        return found;
    }

    [Benchmark(Description = "shared mirror, subscriptions in parallel")]
    public async Task<int> SharedMirrorParallel()
    {
        var counts = await Task.WhenAll(selectors.Select(async selector =>
        {
            var mirror = await cache!.SyncAsync("bench", source!.Url);
            return (await selector.SelectAsync(mirror.Value!, CancellationToken.None)).Value!.Count;
        }));
        return counts.Sum();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        cache?.Dispose();
        source?.Dispose();
        Console.WriteLine($"// git processes by subcommand: {string.Join(", ", git!.Stats.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
    }

    private static IGitCommitSelector Build(int i)
    {
        var options = (i % 4) switch
        {
            0 => new GitSelectionOptions(),
            1 => new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.SemVer, SemverConstraint = "^1.0.0" },
            2 => new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.NewestTag, AllowTagsRegexes = ["^v1\\."] },
            _ => new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.Lexical, IncludePaths = ["dir0"] },
        };
        return GitCommitSelectors.TryCreate(options, out var selector, out var errors)
            ? selector
            : throw new InvalidOperationException(string.Join("; ", errors));
    }
}
