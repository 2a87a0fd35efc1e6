using System.ComponentModel;
using Barge.Cli.Hosting;
using Spectre.Console.Cli;

namespace Barge.Cli.Serve;

internal sealed class ServeSettings : GlobalSettings
{
    [CommandOption("--listen <HOST:PORT>")]
    [Description("Address to listen on. Default: 127.0.0.1:8080 (port 0 picks a free one).")]
    public string Listen { get; init; } = "127.0.0.1:8080";

    [CommandOption("--tls-cert <FILE>")]
    [Description("PEM certificate: serve HTTPS (with --tls-key).")]
    public string? TlsCert { get; init; }

    [CommandOption("--tls-key <FILE>")]
    [Description("PEM private key of --tls-cert.")]
    public string? TlsKey { get; init; }

    [CommandOption("--webhook-base-url <URL>")]
    [Description("Public base URL of the webhook receivers (what git hosts and registries call). Default: the listen address with /webhooks.")]
    public string? WebhookBaseUrl { get; init; }

    [CommandOption("--no-controllers")]
    [Description("Serve the API only; do not run the controllers in this process.")]
    public bool NoControllers { get; init; }

    [CommandOption("--store <CONNECTION>")]
    [Description("A PostgreSQL connection string (Host=…;Port=…;Database=…;Username=…), also $BARGE_STORE: several replicas may serve one store and share the controllers' work. Without it: the embedded SQLite store in $BARGE_HOME.")]
    public string? Store { get; init; }

    [CommandOption("--schema <NAME>")]
    [Description("With a PostgreSQL store: the schema that holds Barge's tables. Default: barge.")]
    public string? Schema { get; init; }

    [CommandOption("--lease-ttl <DURATION>")]
    [Description("With a PostgreSQL store: how long a replica's claim on a Warehouse, Stage or Promotion lasts without renewal (a dead replica's work moves after it). Default: 15s.")]
    public string? LeaseTtl { get; init; }

    [CommandOption("--replica-id <ID>")]
    [Description("This replica's name in the store's leases. Default: host name, process id and a random suffix.")]
    public string? ReplicaId { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if ((TlsCert is null) != (TlsKey is null))
        {
            return Spectre.Console.ValidationResult.Error("--tls-cert and --tls-key go together");
        }
        if (WebhookBaseUrl is not null
            && !(Uri.TryCreate(WebhookBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            return Spectre.Console.ValidationResult.Error($"--webhook-base-url \"{WebhookBaseUrl}\" is not an absolute http(s) URL");
        }
        if (LeaseTtl is not null && (!Barge.Resources.Durations.GoDuration.TryParse(LeaseTtl, out var ttl) || ttl < TimeSpan.FromMilliseconds(100)))
        {
            return Spectre.Console.ValidationResult.Error($"--lease-ttl \"{LeaseTtl}\" is not a duration of at least 100ms (e.g. 15s)");
        }
        return base.Validate();
    }
}
