using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Cli.Promote;

namespace Barge.Cli.Remote;

/// <summary>
/// <c>barge promote --downstream-from S</c> through <c>POST …/stages/{s}/promotions/downstream</c>: the same
/// checks before any request, the same lines for the created Promotions (or the sentence saying why none
/// was), and each creation error as an <c>error:</c> line with exit 1, as embedded mode. The server's
/// refusal reason keeps the exit codes equal where Kargo's status does not (400 for unverified Freight).
/// </summary>
internal sealed class RemoteDownstream(CliContext cli, BargeClient client)
{
    public async Task<int> RunAsync(string project, PromoteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (DownstreamPromote.Refusal(settings) is { } refusal)
        {
            return cli.Fail(ExitCodes.BadInput, refusal);
        }
        var body = new { freight = settings.Freight ?? "", freightAlias = settings.FreightAlias ?? "" };
        var created = await client.PostJsonAsync(BargeClient.Api("projects", project, "stages", settings.DownstreamFrom!, "promotions", "downstream"), body, cancellationToken);
        if (created.Failure is { Status: 404, Reason: null })
        {
            // Not the engine's refusal: the server has no such project, where embedded mode finds no such Stage in it.
            return cli.Fail(ExitCodes.Failed, $"Stage \"{settings.DownstreamFrom}\" not found in project \"{project}\"");
        }
        if (created.Failure is { } failure)
        {
            return RemoteReport.Fail(cli, failure);
        }
        var promotions = (created.Value?["promotions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var promotion in promotions)
        {
            cli.Output.WriteLine($"promotion.kargo.akuity.io/{Text(promotion["metadata"]?["name"])} created (Stage \"{Text(promotion["spec"]?["stage"])}\")");
        }
        if (promotions.Count == 0)
        {
            cli.Output.WriteLine(Text(created.Value?["message"]) ?? $"no Promotion created downstream of Stage \"{settings.DownstreamFrom}\"");
        }
        var errors = Text(created.Value?["errors"]) is { Length: > 0 } joined ? joined.Split('\n') : [];
        foreach (var error in errors)
        {
            cli.Fail(ExitCodes.Failed, error);
        }
        return errors.Length == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
