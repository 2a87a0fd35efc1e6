namespace Barge.Server.Webhooks;

/// <summary>Settings of the webhook receivers.</summary>
public sealed record WebhookOptions
{
    /// <summary>
    /// The public base URL the receivers are reached at (Kargo's <c>EXTERNAL_WEBHOOK_SERVER_BASE_URL</c>);
    /// its path is the prefix of every receiver path. Default <c>http://127.0.0.1:8080/webhooks</c>.
    /// </summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:8080/webhooks");

    /// <summary>The largest accepted body (Kargo: 2 MiB); larger gets 413.</summary>
    public long MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>How long a delivery (its id, or its body digest) is remembered to refuse replays.</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The path prefix of the receivers: the base URL's path without a trailing <c>/</c> (empty for the root).</summary>
    public string BasePath => BaseUrl.AbsolutePath.TrimEnd('/');
}
