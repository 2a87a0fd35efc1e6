namespace Barge.Resources.Model;

/// <summary>One action of a generic receiver.</summary>
public sealed record GenericWebhookAction
{
    /// <summary>The action; the only value is <c>Refresh</c>.</summary>
    public string? Action { get; init; }

    /// <summary>An expression over the request that must be true. Default: always.</summary>
    public string? WhenExpression { get; init; }

    /// <summary>Named expressions evaluated against the request, usable by the criteria.</summary>
    public Dictionary<string, string>? Parameters { get; init; }

    /// <summary>Which resources the action applies to.</summary>
    public List<GenericWebhookTargetSelectionCriteria>? TargetSelectionCriteria { get; init; }
}
