namespace Barge.Engine.Registry;

/// <summary>Limits and timing of <see cref="RegistryClient"/>. The defaults suit a public registry.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Requests in flight at once to one registry host. Default 8.</summary>
    public int MaxConcurrentRequestsPerRegistry { get; init; } = 8;

    /// <summary>Retries of a request answered 429 or 5xx. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off; each retry doubles it. Default 500 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts, whatever <c>Retry-After</c> asks. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for one request, including reading its body. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tags asked for per page of <c>/tags/list</c> (the <c>n</c> parameter). Default 100.</summary>
    public int TagPageSize { get; init; } = 100;

    /// <summary>The largest tag-list page read. Default 4 MiB.</summary>
    public long MaxTagListBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>The largest manifest or index read. Default 4 MiB (the limit registries apply too).</summary>
    public long MaxManifestBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>The largest image config blob read. Default 8 MiB.</summary>
    public long MaxConfigBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Redirects followed for one request. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Pages of tags followed for one listing, against a registry whose <c>Link</c> never ends. Default 10,000.</summary>
    public int MaxTagPages { get; init; } = 10_000;
}
