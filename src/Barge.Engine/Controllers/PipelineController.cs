using System.Security.Cryptography;
using Barge.Engine.Controllers.Promotions;
using Barge.Engine.Controllers.Stages;
using Barge.Engine.Credentials;
using Barge.Engine.Discovery;
using Barge.Engine.Git;
using Barge.Engine.Helm;
using Barge.Engine.Promotion;
using Barge.Engine.Registry;
using Barge.Engine.Verification;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Controllers;

/// <summary>
/// The composition root of the controllers for one Barge home: the Warehouse, Stage and Promotion
/// reconcilers on one <see cref="ControllerRuntime"/>, with the git mirror cache under <c>cache/git</c>,
/// the registry client and image metadata cache under <c>cache/images</c>, the Helm index client,
/// project credentials from the store's Secrets, and Promotion work directories under <c>work</c>.
/// <c>barge reconcile</c>, <c>barge promote</c> (embedded), <c>barge serve</c> and the tests run it.
/// </summary>
public sealed class PipelineController : IDisposable
{
    private readonly GitMirrorCache _mirrors;
    private readonly RegistryClient _registry;
    private readonly HelmIndexClient _helm;
    private readonly RandomNumberGenerator? _random;
    private readonly HttpAnalysisRunner? _analysis;

    public PipelineController(IResourceStore store, string bargeHome, SecretCipher cipher, TimeProvider time, ILoggerFactory loggers, PipelineControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(bargeHome);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        options ??= new PipelineControllerOptions();
        var git = new GitCli(new GitCliOptions(DefaultTimeout: options.GitTimeout), loggers.CreateLogger<GitCli>());
        _mirrors = new GitMirrorCache(GitMirrorCache.DefaultRoot(bargeHome), git, time, loggers.CreateLogger<GitMirrorCache>());
        _registry = new RegistryClient(options.Registry, time, loggers.CreateLogger<RegistryClient>());
        _helm = new HelmIndexClient(new HelmIndexClientOptions());
        var imageCache = new FileImageMetadataCache(Path.Combine(bargeHome, "cache", "images"), loggers.CreateLogger<FileImageMetadataCache>());
        var discoverer = new WarehouseDiscoverer(_mirrors, _registry, imageCache, _helm, loggers);
        var source = new StoreCredentialSource(store, cipher, loggers, options.AllowCredentialsOverHttp);
        var credentials = options.Credentials ?? (async (project, ct) => await source.ForProjectAsync(project, ct));
        var engineOptions = new PromotionEngineOptions(options.WorkRoot ?? Path.Combine(bargeHome, "work")) { UiBaseUrl = options.UiBaseUrl };
        Warehouses = new WarehouseReconciler(store, discoverer, credentials, time, Random.Shared, loggers.CreateLogger<WarehouseReconciler>(), options.Warehouse);
        // Verification runs the analysis templates' web metrics unless the caller brings its own runner.
        var verification = options.Verification;
        if (verification is null)
        {
            _random = RandomNumberGenerator.Create();
            _analysis = new HttpAnalysisRunner(store, time, _random, loggers.CreateLogger<HttpAnalysisRunner>());
            verification = _analysis;
        }
        Stages = new StageReconciler(store, time, verification, loggers.CreateLogger<StageReconciler>());
        Promotions = new PromotionReconciler(
            store,
            async (project, ct) => new PromotionEngine(store, engineOptions with { Credentials = await credentials(project, ct) }, time),
            time,
            loggers.CreateLogger<PromotionReconciler>(),
            options.Runtime.Leasing is { } leasing ? options.Promotion with { Holder = leasing.Holder, LeaseDuration = leasing.Duration, LeaseRetry = leasing.SweepInterval } : options.Promotion);
        Runtime = new ControllerRuntime(store, [Warehouses, Stages, Promotions], time, loggers.CreateLogger<ControllerRuntime>(), options.Runtime);
    }

    public WarehouseReconciler Warehouses { get; }

    public StageReconciler Stages { get; }

    public PromotionReconciler Promotions { get; }

    public ControllerRuntime Runtime { get; }

    /// <summary>Registry requests made so far (for benchmarks and tests).</summary>
    public RegistryRequestCounters RegistryCounters => _registry.Counters;

    public void Dispose()
    {
        Runtime.Dispose();
        _mirrors.Dispose();
        _registry.Dispose();
        _helm.Dispose();
        _analysis?.Dispose();
        _random?.Dispose();
    }
}
