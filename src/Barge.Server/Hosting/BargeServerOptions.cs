namespace Barge.Server.Hosting;

/// <summary>How <c>barge serve</c> listens and where its state lives.</summary>
public sealed record BargeServerOptions
{
    /// <summary>The Barge home (<c>$BARGE_HOME</c>): store, admin token, work and cache folders.</summary>
    public required string Home { get; init; }

    /// <summary><c>host:port</c> to listen on. Default <c>127.0.0.1:8080</c>; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:8080";

    /// <summary>
    /// The public base URL of the webhook receivers (what git hosts and registries call); null means
    /// the listen address with <c>/webhooks</c>. Receiver paths are published under it in ProjectConfig status.
    /// </summary>
    public Uri? WebhookBaseUrl { get; init; }

    /// <summary>PEM certificate for HTTPS; with <see cref="TlsKeyPath"/>. Null serves plain HTTP.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>The admin token from the environment (<c>BARGE_ADMIN_TOKEN</c>); null generates one into <c>$BARGE_HOME/admin-token</c>.</summary>
    public string? AdminToken { get; init; }

    /// <summary>Whether the controllers run in this process. Default: true.</summary>
    public bool RunControllers { get; init; } = true;

    /// <summary>What <c>/readyz?verbose</c> names as the store: its kind (<c>sqlite</c>, <c>postgresql</c>) and where it is, never a password.</summary>
    public StoreIdentity Store { get; init; } = new("sqlite", "barge.db");

    /// <summary>
    /// Replicas on one shared store: leases that split the Warehouse and Stage keys between the
    /// replicas' controllers (and name this replica in the Promotion leases). Null: this process is the
    /// only one running controllers on the store.
    /// </summary>
    public Barge.Engine.Controllers.Leasing.KeyLeaseOptions? Leasing { get; init; }

    /// <summary>How long shutdown waits for running reconciles (steps) to finish. Default: 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body of <c>/v1beta1/resources</c>. Default: 4 MiB (as Kargo).</summary>
    public long ResourcesBodyLimit { get; init; } = 4 * 1024 * 1024;

    /// <summary>The largest body of every other route. Default: 1 MiB (as Kargo).</summary>
    public long BodyLimit { get; init; } = 1024 * 1024;

    /// <summary>Interval of SSE keep-alive comments. Default: 30 s (as Kargo).</summary>
    public TimeSpan WatchHeartbeat { get; init; } = TimeSpan.FromSeconds(30);
}
