namespace Barge.Engine.Promotion;

/// <summary>Where the engine keeps work directories and what it tells expressions about the server.</summary>
/// <param name="WorkRoot">The parent of every Promotion's work directory (<c>$BARGE_HOME/work</c>).</param>
public sealed record PromotionEngineOptions(string WorkRoot)
{
    /// <summary><c>ctx.uiBaseUrl</c>; empty in embedded mode.</summary>
    public string UiBaseUrl { get; init; } = "";

    /// <summary>Repository credentials for the git steps; null means anonymous access.</summary>
    public Credentials.ICredentialProvider? Credentials { get; init; }
}
