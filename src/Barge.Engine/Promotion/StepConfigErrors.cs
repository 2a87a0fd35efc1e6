namespace Barge.Engine.Promotion;

/// <summary>
/// Collects every problem of a step's configuration before reporting, in Kargo's schema wording
/// (<c>&lt;field&gt;: &lt;description&gt;</c>, <c>(root)</c> for the top level).
/// </summary>
internal sealed class StepConfigErrors(string kind)
{
    private readonly List<string> lines = [];

    public string Kind { get; } = kind;

    public bool Any => lines.Count > 0;

    public IReadOnlyList<string> Lines => lines;

    public void Add(string field, string description) => lines.Add(field + ": " + description);

    /// <summary>The root reader over an evaluated configuration.</summary>
    public ConfigObject Root(System.Text.Json.Nodes.JsonObject config) => new(config, "", this);

    /// <summary>Kargo's config failure: <c>Failed</c>, terminal, <c>invalid &lt;kind&gt; config: …</c>.</summary>
    public StepResult ToResult() => StepResult.Failed("invalid " + Kind + " config: " + string.Join('\n', lines));
}
