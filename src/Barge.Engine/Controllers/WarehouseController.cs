using Barge.Engine.Credentials;
using Barge.Engine.Discovery;
using Barge.Engine.Git;
using Barge.Engine.Helm;
using Barge.Engine.Registry;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers;

/// <summary>Settings of an embedded <see cref="WarehouseController"/>.</summary>
public sealed record WarehouseControllerOptions
{
    public WarehouseReconcilerOptions Reconciler { get; init; } = new();

    public ControllerOptions Runtime { get; init; } = new();

    public RegistryClientOptions Registry { get; init; } = new();

    /// <summary>Whether credentials may be sent to plain-<c>http://</c> repositories (loopback test servers). Default: false, as Kargo.</summary>
    public bool AllowCredentialsOverHttp { get; init; }

    /// <summary>The longest a single git command may run. Default: 5 min.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The Warehouse controller wired for one Barge home: the git mirror cache under
/// <c>cache/git</c>, the registry client with the digest-keyed metadata cache under
/// <c>cache/images</c>, the Helm index client, credentials from the store's project Secrets, the
/// <see cref="WarehouseReconciler"/> and a <see cref="ControllerRuntime"/> running it. Used by
/// <c>barge reconcile</c>, <c>barge refresh warehouse</c> and the tests.
/// </summary>
public sealed class WarehouseController : IDisposable
{
    private readonly GitMirrorCache _mirrors;
    private readonly RegistryClient _registry;
    private readonly HelmIndexClient _helm;

    public WarehouseController(IResourceStore store, string bargeHome, SecretCipher cipher, TimeProvider time, ILoggerFactory loggers, WarehouseControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(bargeHome);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        options ??= new WarehouseControllerOptions();
        Git = new GitCli(new GitCliOptions(DefaultTimeout: options.GitTimeout), loggers.CreateLogger<GitCli>());
        _mirrors = new GitMirrorCache(GitMirrorCache.DefaultRoot(bargeHome), Git, time, loggers.CreateLogger<GitMirrorCache>());
        _registry = new RegistryClient(options.Registry, time, loggers.CreateLogger<RegistryClient>());
        _helm = new HelmIndexClient(new HelmIndexClientOptions());
        var imageCache = new FileImageMetadataCache(Path.Combine(bargeHome, "cache", "images"), loggers.CreateLogger<FileImageMetadataCache>());
        var discoverer = new WarehouseDiscoverer(_mirrors, _registry, imageCache, _helm, loggers);
        var credentials = new StoreCredentialSource(store, cipher, loggers, options.AllowCredentialsOverHttp);
        Reconciler = new WarehouseReconciler(
            store, discoverer, async (project, ct) => await credentials.ForProjectAsync(project, ct), time, Random.Shared,
            loggers.CreateLogger<WarehouseReconciler>(), options.Reconciler);
        Runtime = new ControllerRuntime(store, [Reconciler], time, loggers.CreateLogger<ControllerRuntime>(), options.Runtime);
    }

    public WarehouseReconciler Reconciler { get; }

    public ControllerRuntime Runtime { get; }

    /// <summary>Registry requests made so far (for benchmarks and tests).</summary>
    public RegistryRequestCounters RegistryCounters => _registry.Counters;

    internal GitCli Git { get; }

    public void Dispose()
    {
        Runtime.Dispose();
        _mirrors.Dispose();
        _registry.Dispose();
        _helm.Dispose();
    }
}
