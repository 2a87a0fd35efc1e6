using Barge.Engine.Controllers.Promotions;
using Barge.Engine.Credentials;
using Barge.Engine.Registry;
using Barge.Engine.Verification;

namespace Barge.Engine.Controllers;

/// <summary>Settings of an embedded <see cref="PipelineController"/>.</summary>
public sealed record PipelineControllerOptions
{
    public ControllerOptions Runtime { get; init; } = new();

    public WarehouseReconcilerOptions Warehouse { get; init; } = new();

    public PromotionReconcilerOptions Promotion { get; init; } = new();

    public RegistryClientOptions Registry { get; init; } = new();

    /// <summary>Runs Stages' <c>spec.verification</c>; null uses the built-in <see cref="HttpAnalysisRunner"/> (web metrics of analysis templates).</summary>
    public IVerificationRunner? Verification { get; init; }

    /// <summary>The parent of the Promotions' work directories. Default: <c>$BARGE_HOME/work</c>.</summary>
    public string? WorkRoot { get; init; }

    /// <summary><c>ctx.uiBaseUrl</c> of promotion expressions; empty in embedded mode.</summary>
    public string UiBaseUrl { get; init; } = "";

    /// <summary>
    /// The repository credentials of a project for discovery and the git steps. Default: the project's
    /// credential Secrets in the store (sealed values opened with the home's key).
    /// </summary>
    public Func<string, CancellationToken, Task<ICredentialProvider?>>? Credentials { get; init; }

    /// <summary>Whether credentials may be sent to plain-<c>http://</c> repositories (loopback test servers). Default: false, as Kargo.</summary>
    public bool AllowCredentialsOverHttp { get; init; }

    /// <summary>The longest a single git command of discovery may run. Default: 5 min.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
