using System.Text.Json;
using Barge.Engine.Credentials;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Webhooks;

/// <summary>
/// Every receiver of every ProjectConfig, with its Secret opened and its path computed, as of the
/// store's current resourceVersion (rebuilt when the store changed). A receiver whose config or Secret
/// is unusable is left out and logged by name (never by value): its path is unknown, so calls get 404.
/// </summary>
internal sealed partial class ReceiverDirectory(IResourceStore store, SecretCipher cipher, WebhookOptions options, ILogger<ReceiverDirectory> logger) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Dispose() => _rebuild.Dispose();

    /// <summary>The receiver listening at <paramref name="path"/>, or null.</summary>
    public async Task<ReceiverEntry?> FindAsync(string path, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ByPath.GetValueOrDefault(path);
    }

    /// <summary>The receivers of <paramref name="project"/>, in config order.</summary>
    public async Task<IReadOnlyList<ReceiverEntry>> ForProjectAsync(string project, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return [.. snapshot.ByPath.Values.Where(e => e.Project == project)];
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetResourceVersionAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version >= version)
        {
            return snapshot;
        }
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && snapshot.Version >= version)
            {
                return snapshot;
            }
            var configs = await store.ListAsync(ResourceQuery.OfKind("ProjectConfig"), cancellationToken);
            var built = new Dictionary<string, ReceiverEntry>(StringComparer.Ordinal);
            foreach (var stored in configs.Items)
            {
                foreach (var entry in await EntriesOfAsync(stored, cancellationToken))
                {
                    built[entry.Path] = entry;
                }
            }
            snapshot = new Snapshot(version, built);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<List<ReceiverEntry>> EntriesOfAsync(StoredResource stored, CancellationToken cancellationToken)
    {
        var project = stored.Key.Project;
        var entries = new List<ReceiverEntry>();
        ProjectConfigSpec? spec;
        try
        {
            spec = ResourceSerializer.FromJson<ProjectConfigSpec>(stored.Spec.GetRawText());
        }
        catch (JsonException e)
        {
            LogUnusable(logger, project, "(all)", "the spec does not parse: " + e.Message);
            return entries;
        }
        foreach (var config in spec?.WebhookReceivers ?? [])
        {
            var name = config.Name ?? "";
            if (ReceiverType.Of(config) is not { } block)
            {
                LogUnusable(logger, project, name, "it needs exactly one provider block");
                continue;
            }
            if (string.IsNullOrEmpty(block.SecretName))
            {
                LogUnusable(logger, project, name, "secretRef.name is not set");
                continue;
            }
            var secret = await store.GetAsync(new ResourceKey("Secret", project, block.SecretName), cancellationToken);
            if (secret is null)
            {
                LogUnusable(logger, project, name, $"Secret \"{block.SecretName}\" does not exist");
                continue;
            }
            if (!SecretSealing.TryOpenAll(secret.Spec, project, block.SecretName, cipher, out var values, out var error))
            {
                LogUnusable(logger, project, name, error);
                continue;
            }
            if (!values.TryGetValue(block.Type.SecretKey, out var value) || value.Length == 0)
            {
                LogUnusable(logger, project, name, $"Secret \"{block.SecretName}\" has no key \"{block.Type.SecretKey}\"");
                continue;
            }
            var path = ReceiverPaths.Compute(options.BasePath, block.Type.Name, project, name, value);
            entries.Add(new ReceiverEntry(project, name, block.Type, config, path, value));
        }
        return entries;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "webhook receiver \"{Receiver}\" of ProjectConfig \"{Project}\" is not served: {Reason}")]
    private static partial void LogUnusable(ILogger logger, string project, string receiver, string reason);

    private sealed record Snapshot(long Version, Dictionary<string, ReceiverEntry> ByPath);
}
