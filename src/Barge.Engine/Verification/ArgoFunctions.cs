using System.Globalization;
using Barge.Expressions;

namespace Barge.Engine.Verification;

/// <summary>
/// The helpers Argo Rollouts adds to analysis conditions: <c>asInt</c>, <c>asFloat</c> (numbers or numeric
/// strings), <c>isNaN</c>, <c>isInf</c>, <c>isNil</c> and <c>default(value, fallback)</c>.
/// </summary>
internal static class ArgoFunctions
{
    public static ExprOptions Options { get; } = ExprOptions.Default with
    {
        Functions = FunctionRegistry.Create(
            new HostFunction("asInt", [new HostParameter("value", ArgumentKind.Any)], args => AsInt(args[0])),
            new HostFunction("asFloat", [new HostParameter("value", ArgumentKind.Any)], args => AsFloat(args[0])),
            new HostFunction("isNaN", [new HostParameter("value", ArgumentKind.Number)], args => args[0] is double d && double.IsNaN(d)),
            new HostFunction("isInf", [new HostParameter("value", ArgumentKind.Number)], args => args[0] is double d && double.IsInfinity(d)),
            new HostFunction("isNil", [new HostParameter("value", ArgumentKind.Any)], args => args[0] is null),
            new HostFunction("default", [new HostParameter("value", ArgumentKind.Any), new HostParameter("fallback", ArgumentKind.Any)], args => args[0] ?? args[1])),
    };

    private static long AsInt(object? value) => value switch
    {
        long l => l,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ExpressionFunctionException($"asInt: {Describe(value)} is not an integer"),
    };

    private static double AsFloat(object? value) => value switch
    {
        double d => d,
        long l => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ExpressionFunctionException($"asFloat: {Describe(value)} is not a number"),
    };

    private static string Describe(object? value) => value is string s ? $"\"{s}\"" : ExprJson.Format(value);
}
