using System.Globalization;
using System.Text.Json;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Controllers;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Storage;

namespace Barge.Cli.Warehouses;

/// <summary>
/// <c>barge refresh warehouse W</c>: sets the <c>kargo.akuity.io/refresh</c> annotation (as Kargo's CLI,
/// to the current time) and, in embedded mode, runs the Warehouse reconciler in-process until that
/// refresh is handled. Exit 0 with the latest Freight, or 1 with the discovery's error.
/// </summary>
internal sealed class RefreshWarehouseCommand(CliContext cli) : BargeCommand<RefreshWarehouseSettings>(cli)
{
    private const int UpdateAttempts = 5;

    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunRemoteAsync(RefreshWarehouseSettings settings, BargeClient client, CancellationToken cancellationToken) =>
        ResolveProject(settings, out var exitCode) is { } project
            ? await new RemoteRefresh(Cli, client).RunAsync(project, settings.Name, cancellationToken)
            : exitCode;

    protected override async Task<int> RunAsync(RefreshWarehouseSettings settings, CancellationToken cancellationToken)
    {
        var project = ResolveProject(settings, out var exitCode);
        if (project is null)
        {
            return exitCode;
        }
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var key = new ResourceKey("Warehouse", project, settings.Name);
        var token = Cli.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken);
            if (current is null)
            {
                return Cli.Fail(ExitCodes.Failed, $"{key} not found");
            }
            var annotations = new Dictionary<string, string>(current.Annotations, StringComparer.Ordinal) { [WarehouseReconciler.RefreshAnnotation] = token };
            try
            {
                await store.UpdateAsync(ResourceUpdate.From(current, current.Spec) with { Annotations = annotations }, cancellationToken);
                break;
            }
            catch (ResourceConflictException) when (attempt < UpdateAttempts)
            {
                // Written meanwhile (by a controller's status write): read again.
            }
        }

        using var loggers = new StderrLoggerFactory(Cli.Error);
        using var controller = new WarehouseController(store, Cli.Home.Path, cipher, Cli.Time, loggers);
        await controller.Reconciler.ReconcileAsync(key, cancellationToken);
        var after = await store.GetAsync(key, cancellationToken);
        var status = after?.Status is { ValueKind: JsonValueKind.Object } s ? ResourceSerializer.FromJson<WarehouseStatus>(s.GetRawText()) : null;
        if (status is null || status.LastHandledRefresh != token)
        {
            return Cli.Fail(ExitCodes.Failed, $"{key}: the refresh was not handled");
        }
        var healthy = status.Conditions?.FirstOrDefault(c => c.Type == "Healthy");
        if (healthy?.Status != "True")
        {
            return Cli.Fail(ExitCodes.Failed, $"{key}: discovery failed: {healthy?.Message ?? "unknown reason"}");
        }
        Cli.Output.WriteLine(status.LastFreightID is null
            ? $"warehouse/{settings.Name} refreshed (no Freight created)"
            : $"warehouse/{settings.Name} refreshed; latest Freight {status.LastFreightID}");
        return ExitCodes.Success;
    }
}
