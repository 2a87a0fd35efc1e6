using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Cli.Hosting;
using Barge.Cli.Output;
using Barge.Cli.Remote;
using Barge.Engine.Audit;
using Barge.Engine.Operations;
using Barge.Storage;

namespace Barge.Cli.History;

/// <summary>
/// <c>barge history [--stage S] [--origin W] [--actor A] [--type T] [--since T] [--until T] [--limit N] [-o json|yaml]</c>:
/// the audit trail of the project, newest first — who created, approved, promoted and verified which
/// Freight from which origin, with the phase reached and the commits pushed.
/// </summary>
internal sealed class HistoryCommand(CliContext cli) : BargeCommand<HistorySettings>(cli)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(HistorySettings settings, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } request)
        {
            return exitCode;
        }
        var (query, format) = request;
        await using var store = await EmbeddedStore.OpenForReadAsync(Cli, cancellationToken);
        if (store is null || await store.GetAsync(ResourceKey.Cluster("Project", query.Project!), cancellationToken) is null)
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{query.Project}\" not found");
        }
        var page = await new AuditTrail(store).QueryAsync(query, cancellationToken);
        return Print(page, format, settings.NoHeaders);
    }

    /// <summary>Remote mode: <c>GET …/history</c> with the same filters, printed by the same code.</summary>
    protected override async Task<int> RunRemoteAsync(HistorySettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (Validate(settings, out var exitCode) is not { } request)
        {
            return exitCode;
        }
        var (query, format) = request;
        var parameters = new List<string> { "limit=" + query.Limit.ToString(CultureInfo.InvariantCulture) };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("stage", query.Stage);
        Add("origin", query.Origin);
        Add("actor", query.Actor);
        Add("type", query.Type);
        Add("since", query.Since?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add("until", query.Until?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var answer = await client.GetAsync(BargeClient.Api("projects", query.Project!, "history") + "?" + string.Join('&', parameters), cancellationToken);
        if (answer.Failure is { } failure)
        {
            return failure.Status == 404 ? Cli.Fail(ExitCodes.Failed, $"project \"{query.Project}\" not found") : Fail(failure);
        }
        var page = answer.Value.Deserialize<AuditPage>(WebJson)
            ?? new AuditPage([], null);
        return Print(page, format, settings.NoHeaders);
    }

    private int Print(AuditPage page, OutputFormat format, bool noHeaders)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Cli.Output.WriteLine(ToJson(page.Items).ToJsonString(Indented));
                break;
            case OutputFormat.Yaml:
                YamlJsonWriter.Write(Cli.Output, ToJson(page.Items));
                break;
            default:
                HistoryTable.Build(page.Items, format == OutputFormat.Wide).WriteTo(Cli.Output, !noHeaders);
                break;
        }
        if (page.NextBefore is not null)
        {
            Cli.Error.WriteLine($"(older entries exist: raise --limit or narrow with --since/--until)");
        }
        return ExitCodes.Success;
    }

    private (AuditQuery Query, OutputFormat Format)? Validate(HistorySettings settings, out int exitCode)
    {
        if (ResolveProject(settings, out exitCode) is not { } project)
        {
            return null;
        }
        if (!OutputFormats.TryParse(settings.Output, out var format))
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, $"unknown output format \"{settings.Output}\"; supported: {OutputFormats.Supported}");
            return null;
        }
        if (settings.Limit is < 1 or > AuditTrail.MaxLimit)
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, $"--limit {settings.Limit} is out of range: it must be 1 to {AuditTrail.MaxLimit}");
            return null;
        }
        if (settings.Type is { } type && !AuditTypes.All.Contains(type, StringComparer.Ordinal))
        {
            exitCode = Cli.Fail(ExitCodes.BadInput, $"unknown --type \"{type}\"; supported: {string.Join(", ", AuditTypes.All)}");
            return null;
        }
        var now = Cli.Time.GetUtcNow();
        DateTimeOffset? since = null, until = null;
        if (settings.Since is { } sinceText)
        {
            if (!HistoryTime.TryParse(sinceText, now, out var parsed))
            {
                exitCode = Cli.Fail(ExitCodes.BadInput, $"--since \"{sinceText}\" is neither an RFC 3339 time (2026-01-02T03:04:05Z) nor a duration (90m, 24h)");
                return null;
            }
            since = parsed;
        }
        if (settings.Until is { } untilText)
        {
            if (!HistoryTime.TryParse(untilText, now, out var parsed))
            {
                exitCode = Cli.Fail(ExitCodes.BadInput, $"--until \"{untilText}\" is neither an RFC 3339 time (2026-01-02T03:04:05Z) nor a duration (90m, 24h)");
                return null;
            }
            until = parsed;
        }
        return (new AuditQuery
        {
            Project = project,
            Stage = settings.Stage,
            Origin = settings.Origin,
            Actor = settings.Actor,
            Type = settings.Type,
            Since = since,
            Until = until,
            Limit = settings.Limit,
        }, format);
    }

    private static JsonArray ToJson(IReadOnlyList<AuditEntry> entries) =>
        [.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id,
            ["time"] = e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            ["project"] = e.Project,
            ["type"] = e.Record.Type,
            ["actor"] = e.Record.Actor,
            ["stage"] = e.Record.Stage,
            ["freight"] = e.Record.Freight,
            ["freightAlias"] = e.Record.FreightAlias,
            ["origin"] = e.Record.Origin,
            ["promotion"] = e.Record.Promotion,
            ["phase"] = e.Record.Phase,
            ["message"] = e.Record.Message,
            ["commits"] = e.Record.Commits is { } commits ? new JsonArray([.. commits.Select(c => (JsonNode?)c)]) : null,
            ["durationMilliseconds"] = e.Record.DurationMilliseconds,
        })];
}
