using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Barge.Engine.Discovery.Git;
using Barge.Engine.Git;

namespace Barge.Benchmarks.Discovery;

/// <summary>
/// The issue's large-repository figures: first discovery (new mirror, then SemVer selection) against
/// a plain <c>git clone --mirror</c> of the same repository, and an unchanged re-discovery, which
/// must cost one <c>ls-remote</c> and no fetch (the git process counts are printed at cleanup).
/// Run: <c>dotnet run -c Release --project bench/Barge.Benchmarks -- --filter '*FirstDiscovery*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class FirstDiscoveryBenchmarks
{
    private GeneratedGitRepository? source;
    private GitCli? git;
    private GitMirrorCache? warm;
    private IGitCommitSelector? selector;
    private string? target;
    private int warmRuns;
    private int warmFetchesBefore;

    [Params(20000)]
    public int Commits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        source = new GeneratedGitRepository(Commits, Commits / 10);
        git = new GitCli();
        warm = new GitMirrorCache(Path.Combine(source.Root, "warm"), git, TimeProvider.System);
        _ = GitCommitSelectors.TryCreate(new GitSelectionOptions { Strategy = GitCommitSelectionStrategy.SemVer }, out selector, out _);
        if (!warm.SyncAsync("bench", source.Url).GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("initial sync failed");
        }
        warmFetchesBefore = git.Stats.Transfers;
    }

    [IterationSetup]
    public void NewTarget() => target = Path.Combine(source!.Root, "run-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveTarget()
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "git clone --mirror")]
    public async Task<int> CloneMirror()
    {
        var result = await git!.RunAsync(["clone", "--quiet", "--mirror", source!.Url, target!]);
        return result.Succeeded ? 0 : throw new InvalidOperationException(result.Describe());
    }

    [Benchmark(Description = "first discovery (new mirror + SemVer)")]
    public async Task<int> FirstDiscovery()
    {
        using var cache = new GitMirrorCache(target!, git!, TimeProvider.System);
        var mirror = await cache.SyncAsync("bench", source!.Url);
        return (await selector!.SelectAsync(mirror.Value!, CancellationToken.None)).Value!.Count;
    }

    [Benchmark(Description = "unchanged re-discovery")]
    public async Task<int> UnchangedRediscovery()
    {
        warmRuns++;
        var mirror = await warm!.SyncAsync("bench", source!.Url);
        return (await selector!.SelectAsync(mirror.Value!, CancellationToken.None)).Value!.Count;
    }

    // BenchmarkDotNet runs each benchmark in its own process, so in the re-discovery process the
    // counts below cover only the re-discoveries (and the warm-up sync in Setup, excluded).
    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// unchanged re-discoveries: {warmRuns}, fetches during them: {git!.Stats.Transfers - warmFetchesBefore}");
        Console.WriteLine($"// git processes by subcommand: {string.Join(", ", git.Stats.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
        warm?.Dispose();
        source?.Dispose();
    }

}
