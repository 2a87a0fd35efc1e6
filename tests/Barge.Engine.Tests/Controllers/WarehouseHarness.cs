using System.Security.Cryptography;
using Barge.Engine.Controllers;
using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Controllers;

/// <summary>
/// A real SQLite store in a temporary Barge home, manifests applied through the real apply path
/// (Secrets sealed), and the Warehouse controller wired as <c>barge reconcile</c> wires it.
/// </summary>
internal sealed class WarehouseHarness : IAsyncDisposable
{
    private readonly TempDirectory _home;
    private readonly SecretCipher _cipher;

    private WarehouseHarness(TempDirectory home, SqliteResourceStore store, SecretCipher cipher, TimeProvider time, WarehouseControllerOptions options)
    {
        _home = home;
        Store = store;
        _cipher = cipher;
        Time = time;
        Controller = new WarehouseController(store, home.Path, cipher, time, NullLoggerFactory.Instance, options);
    }

    public SqliteResourceStore Store { get; }

    public TimeProvider Time { get; }

    public WarehouseController Controller { get; }

    public string Home => _home.Path;

    public static async Task<WarehouseHarness> CreateAsync(TimeProvider? time = null, WarehouseControllerOptions? options = null)
    {
        var home = new TempDirectory("wh-home");
        time ??= TimeProvider.System;
        var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(home.Path, "barge.db")), time);
        var cipher = new SecretCipher(RandomNumberGenerator.GetBytes(32));
        return new WarehouseHarness(home, store, cipher, time, options ?? new WarehouseControllerOptions
        {
            Runtime = new ControllerOptions { BaseBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromSeconds(1) },
            Registry = new Barge.Engine.Registry.RegistryClientOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(5) },
            AllowCredentialsOverHttp = true,
        });
    }

    public async Task ApplyAsync(string yaml)
    {
        var read = new ManifestReader().ReadText(yaml, "test.yaml");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        var result = await new ManifestApplier(Store, new Random(7), _cipher).ApplyAsync(read.Documents);
        Assert.True(result.Errors.Count == 0 && result.StoreFailure is null, string.Join("\n", result.Errors) + result.StoreFailure);
    }

    public Task<ReconcileResult> ReconcileAsync(string project, string warehouse) =>
        Controller.Reconciler.ReconcileAsync(new ResourceKey("Warehouse", project, warehouse), CancellationToken.None);

    public async Task<WarehouseStatus> StatusAsync(string project, string warehouse)
    {
        var stored = await Store.GetAsync(new ResourceKey("Warehouse", project, warehouse));
        Assert.NotNull(stored?.Status);
        return ResourceSerializer.FromJson<WarehouseStatus>(stored.Status.Value.GetRawText())!;
    }

    public async Task<IReadOnlyList<Freight>> FreightAsync(string project)
    {
        var list = await Store.ListAsync(ResourceQuery.OfKind("Freight", project));
        return [.. list.Items.Select(r => (Freight)ResourceSerializer.FromJson(ManifestEnvelope.ToManifest(r).ToJsonString()))];
    }

    public async Task SetRefreshAsync(string project, string warehouse, string token)
    {
        var current = (await Store.GetAsync(new ResourceKey("Warehouse", project, warehouse)))!;
        var annotations = new Dictionary<string, string>(current.Annotations, StringComparer.Ordinal) { [WarehouseReconciler.RefreshAnnotation] = token };
        await Store.UpdateAsync(ResourceUpdate.From(current, current.Spec) with { Annotations = annotations });
    }

    /// <summary>Changes a stored Warehouse spec directly, past apply's validation (a store written by another path).</summary>
    public async Task PatchSpecAsync(string project, string warehouse, Action<System.Text.Json.Nodes.JsonObject> patch)
    {
        var current = (await Store.GetAsync(new ResourceKey("Warehouse", project, warehouse)))!;
        var spec = System.Text.Json.Nodes.JsonNode.Parse(current.Spec.GetRawText())!.AsObject();
        patch(spec);
        await Store.UpdateAsync(ResourceUpdate.From(current, System.Text.Json.JsonSerializer.SerializeToElement(spec)));
    }

    public async ValueTask DisposeAsync()
    {
        Controller.Dispose();
        await Store.DisposeAsync();
        _cipher.Dispose();
        _home.Dispose();
    }
}

internal static class WarehouseStatusExtensions
{
    public static Condition? Condition(this WarehouseStatus status, string type) =>
        status.Conditions?.FirstOrDefault(c => c.Type == type);
}
