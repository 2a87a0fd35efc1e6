namespace Barge.Resources.Model;

/// <summary>An analysis argument.</summary>
public sealed record AnalysisRunArgument
{
    /// <summary>The argument's name.</summary>
    public string? Name { get; init; }

    /// <summary>The argument's value (may contain expressions).</summary>
    public string? Value { get; init; }
}
