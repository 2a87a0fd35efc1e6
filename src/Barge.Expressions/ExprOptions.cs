namespace Barge.Expressions;

/// <summary>
/// How expressions are compiled and run. Every limit has a default that fits Kargo-style
/// expressions with a wide margin and stops hostile ones early.
/// </summary>
public sealed record ExprOptions
{
    /// <summary>The defaults.</summary>
    public static ExprOptions Default { get; } = new();

    /// <summary>Host functions; they take precedence over builtins of the same name. Default: none.</summary>
    public FunctionRegistry Functions { get; init; } = FunctionRegistry.Empty;

    /// <summary>Longest accepted source, in UTF-16 characters. Default: 262,144.</summary>
    public int MaxSourceLength { get; init; } = 256 * 1024;

    /// <summary>Most syntax-tree nodes (expr's limit). Default: 10,000.</summary>
    public int MaxNodes { get; init; } = 10_000;

    /// <summary>Deepest nesting of the syntax tree (parentheses, operator chains, postfix chains). Default: 500.</summary>
    public int MaxDepth { get; init; } = 500;

    /// <summary>
    /// Run-time memory budget in expr's units (one per created list or map element, per range
    /// element, per repeated byte…). Default: 1,000,000, as expr.
    /// </summary>
    public long MemoryBudget { get; init; } = 1_000_000;

    /// <summary>Most loop iterations of builtins (predicates, sorting, joining…) in one run. Default: 10,000,000.</summary>
    public long StepBudget { get; init; } = 10_000_000;

    /// <summary>The clock of <c>now()</c>. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
