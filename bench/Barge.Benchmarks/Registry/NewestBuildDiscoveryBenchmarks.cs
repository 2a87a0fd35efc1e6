using BenchmarkDotNet.Attributes;
using Barge.Engine.Discovery.Images;
using Barge.Engine.Registry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barge.Benchmarks.Registry;

/// <summary>
/// NewestBuild over 1,000 tags in a real docker-registry: a cold discovery (empty metadata cache,
/// every manifest and config read) against warm ones (cache filled; with and without
/// <c>cacheByTag</c>). Request counts per discovery are printed at the end.
/// </summary>
[MemoryDiagnoser]
public class NewestBuildDiscoveryBenchmarks : IDisposable
{
    private const int Tags = 1000;

    private BenchmarkRegistry? _registry;
    private RegistryClient? _client;
    private readonly InMemoryImageMetadataCache _warmCache = new();
    private InMemoryImageMetadataCache _coldCache = new();
    private ImageSubscriptionOptions? _subscription;
    private readonly Dictionary<string, (long Requests, long Runs)> _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        _registry = BenchmarkRegistry.Start();
        _registry.PushImagesAsync("bench/app", Tags, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).GetAwaiter().GetResult();
        _client = new RegistryClient(new RegistryClientOptions { MaxConcurrentRequestsPerRegistry = 16 }, TimeProvider.System, NullLogger<RegistryClient>.Instance);
        _subscription = new ImageSubscriptionOptions { RepoURL = $"{_registry.Host}/bench/app", ImageSelectionStrategy = ImageSelectionStrategies.NewestBuild };
        Discover(_warmCache, _subscription).GetAwaiter().GetResult();
        Discover(_warmCache, _subscription with { CacheByTag = true }).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(FirstDiscovery))]
    public void EmptyCache() => _coldCache = new InMemoryImageMetadataCache();

    [Benchmark(Baseline = true)]
    public Task<ImageDiscoveryResult> FirstDiscovery() => Measure(nameof(FirstDiscovery), _coldCache, _subscription!);

    [Benchmark]
    public Task<ImageDiscoveryResult> SecondDiscovery() => Measure(nameof(SecondDiscovery), _warmCache, _subscription!);

    [Benchmark]
    public Task<ImageDiscoveryResult> SecondDiscoveryCacheByTag() => Measure(nameof(SecondDiscoveryCacheByTag), _warmCache, _subscription! with { CacheByTag = true });

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (name, (requests, runs)) in _requests)
        {
            Console.WriteLine($"// requests per discovery: {name} = {requests / Math.Max(1, runs)}");
        }
        Dispose();
    }

    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
        _registry?.Dispose();
        _registry = null;
        GC.SuppressFinalize(this);
    }

    private async Task<ImageDiscoveryResult> Measure(string name, InMemoryImageMetadataCache cache, ImageSubscriptionOptions subscription)
    {
        var before = _client!.Counters.Total;
        var result = await Discover(cache, subscription);
        var spent = _client.Counters.Total - before;
        _requests[name] = _requests.TryGetValue(name, out var sofar) ? (sofar.Requests + spent, sofar.Runs + 1) : (spent, 1);
        return result;
    }

    private async Task<ImageDiscoveryResult> Discover(InMemoryImageMetadataCache cache, ImageSubscriptionOptions subscription)
    {
        var result = await new ImageDiscoverer(_client!, cache, null, NullLogger<ImageDiscoverer>.Instance).DiscoverAsync(subscription, CancellationToken.None);
        return result.Succeeded && result.References.Count == 20 ? result : throw new InvalidOperationException(result.Error ?? "unexpected result size");
    }
}
