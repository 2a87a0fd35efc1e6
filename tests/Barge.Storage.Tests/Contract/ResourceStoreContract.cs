using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Barge.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IResourceStore"/> must have, written once. A store implementation's
/// test class derives from it and says how to open a fresh, empty store (SQLite today; PostgreSQL next).
/// The store's clock is a <see cref="FakeTimeProvider"/> the tests move.
/// </summary>
public abstract partial class ResourceStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private IResourceStore? _store;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected IResourceStore Store => _store ?? throw new InvalidOperationException("store not opened");

    /// <summary>Opens a fresh, empty store on the given clock.</summary>
    protected abstract Task<IResourceStore> OpenStoreAsync(TimeProvider time);

    public async Task InitializeAsync() => _store = await OpenStoreAsync(Clock);

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    protected static ResourceKey Stage(string name, string project = "grommet") => new("Stage", project, name);

    protected static NewResource NewStage(string name, string spec = """{"shard":"a"}""", string project = "grommet", IReadOnlyDictionary<string, string>? labels = null) =>
        new(Stage(name, project), "kargo.akuity.io/v1alpha1", Json(spec)) { Labels = labels ?? new Dictionary<string, string>() };

    protected static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
