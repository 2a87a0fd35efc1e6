namespace Barge.Resources.Model;

/// <summary>A name/value variable; the value may contain <c>${{ }}</c> expressions.</summary>
public sealed record ExpressionVariable
{
    /// <summary>The variable name; must match <c>^[a-zA-Z_]\w*$</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The value. In a PromotionTask an empty value marks the variable as required.</summary>
    public string? Value { get; init; }
}
