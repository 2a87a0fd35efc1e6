using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Engine.Controllers;
using Barge.Storage;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge refresh warehouse W</c> through the API: <c>POST …/warehouses/{w}/refresh</c> stamps the
/// refresh annotation; the server's Warehouse controller runs the discovery, and this follows the
/// Warehouse's watch until its <c>status.lastHandledRefresh</c> carries that stamp. Same lines and exit
/// codes as embedded mode.
/// </summary>
internal sealed class RemoteRefresh(CliContext cli, BargeClient client)
{
    /// <summary>How long the server's controllers get to handle the refresh.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(string project, string name, CancellationToken cancellationToken)
    {
        var key = new ResourceKey("Warehouse", project, name);
        var path = BargeClient.Api("projects", project, "warehouses", name);
        var refreshed = await client.SendAsync(HttpMethod.Post, path + "/refresh", null, cancellationToken);
        if (refreshed.Failure is { Status: 404 })
        {
            return cli.Fail(ExitCodes.Failed, $"{key} not found");
        }
        if (refreshed.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        var current = await client.GetAsync(path, cancellationToken);
        if (current.Failure is { } readFailure)
        {
            return RemoteReport.Fail(cli, readFailure);
        }
        var token = Text(current.Value?["metadata"]?["annotations"]?[WarehouseReconciler.RefreshAnnotation]);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await foreach (var change in client.WatchAsync(path, patience.Token))
            {
                if (change.Failure is { } watchFailure)
                {
                    return RemoteReport.Fail(cli, watchFailure);
                }
                var warehouse = change.Value!["object"]!.AsObject();
                if (Text(change.Value["type"]) == "DELETED")
                {
                    return cli.Fail(ExitCodes.Failed, $"{key} was deleted before the refresh was handled");
                }
                var status = warehouse["status"] as JsonObject;
                if (token is null || Text(status?["lastHandledRefresh"]) != token)
                {
                    continue;
                }
                var conditions = (status?["conditions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                if (conditions.Any(c => Text(c["type"]) == "Reconciling" && Text(c["status"]) == "True"))
                {
                    // A later discovery (a retry after a failure, or the interval) already started: its end says how it went.
                    continue;
                }
                var healthy = conditions.FirstOrDefault(c => Text(c["type"]) == "Healthy");
                if (Text(healthy?["status"]) != "True")
                {
                    return cli.Fail(ExitCodes.Failed, $"{key}: discovery failed: {Text(healthy?["message"]) ?? "unknown reason"}");
                }
                var freight = Text(status?["lastFreightID"]);
                cli.Output.WriteLine(freight is null
                    ? $"warehouse/{name} refreshed (no Freight created)"
                    : $"warehouse/{name} refreshed; latest Freight {freight}");
                return ExitCodes.Success;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The patience ran out: reported below.
        }
        return cli.Fail(ExitCodes.Failed, $"{key}: the refresh was not handled within {Patience.TotalMinutes:0} minutes; is the server running its controllers (not --no-controllers)?");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
