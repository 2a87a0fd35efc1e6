using System.Collections;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Builtins;

/// <summary>Argument coercions shared by builtins, with expr-style messages.</summary>
internal static class Args
{
    public static string String(string function, object? value) => value as string
        ?? throw new EvalError($"invalid argument for {function} (type {Values.TypeName(value)})");

    public static long Int(string function, object? value) => value switch
    {
        long l => l,
        _ => throw new EvalError($"invalid argument for {function} (type {Values.TypeName(value)})"),
    };

    public static double Number(string function, object? value) => value switch
    {
        long l => l,
        double d => d,
        _ => throw new EvalError($"invalid argument for {function} (type {Values.TypeName(value)})"),
    };

    public static IList List(string function, object? value) => value is IList list && value is not IDictionary
        ? list
        : throw new EvalError($"invalid argument for {function} (type {Values.TypeName(value)})");

    public static object Map(string function, object? value) => Values.IsMap(value)
        ? value!
        : throw new EvalError($"invalid argument for {function} (type {Values.TypeName(value)})");

    public static object? Item(IList list, int index) => Values.Normalize(list[index]);
}
