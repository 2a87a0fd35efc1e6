namespace Barge.Engine.Helm;

/// <summary>Limits of <see cref="HelmIndexClient"/>.</summary>
public sealed record HelmIndexClientOptions
{
    /// <summary>The largest <c>index.yaml</c> read. Default 64 MiB (large public repositories serve tens of MiB).</summary>
    public long MaxIndexBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Time for fetching and reading the index. Default 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;
}
