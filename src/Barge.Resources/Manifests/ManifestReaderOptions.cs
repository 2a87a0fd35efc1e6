namespace Barge.Resources.Manifests;

/// <summary>How <see cref="ManifestReader"/> treats what it reads.</summary>
public sealed record ManifestReaderOptions
{
    /// <summary>Project given to namespaced documents without <c>metadata.namespace</c>. Default: none (they are errors).</summary>
    public string? DefaultProject { get; init; }

    /// <summary>Whether each document is validated (<see cref="Validation.ResourceValidator"/>). Default: true.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>Whether defaults are applied to valid documents (<see cref="Validation.ResourceDefaults"/>). Default: true.</summary>
    public bool ApplyDefaults { get; init; } = true;

    /// <summary>The clock for defaults that need "now". Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The largest file or stream read, in bytes. Default: 16 MiB.</summary>
    public long MaxSourceBytes { get; init; } = 16 * 1024 * 1024;
}
