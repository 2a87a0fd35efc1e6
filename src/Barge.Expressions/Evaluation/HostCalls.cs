using System.Collections;
using System.Globalization;

namespace Barge.Expressions.Evaluation;

/// <summary>Checks a host function's arguments against its declared parameters at call time.</summary>
internal static class HostCalls
{
    public static void Check(HostFunction function, ReadOnlySpan<object?> arguments)
    {
        var required = function.RequiredCount;
        var max = function.Parameters.Count;
        if (arguments.Length < required || arguments.Length > max)
        {
            var expected = required == max
                ? string.Create(CultureInfo.InvariantCulture, $"{max}")
                : string.Create(CultureInfo.InvariantCulture, $"{required} to {max}");
            throw new EvalError(string.Create(
                CultureInfo.InvariantCulture,
                $"{function.Name}: expected {expected} argument{(max == 1 ? string.Empty : "s")}, got {arguments.Length}"));
        }
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = function.Parameters[i];
            var value = arguments[i];
            if (value is null && (parameter.Kind == ArgumentKind.Any || parameter.Nullable))
            {
                continue;
            }
            var ok = parameter.Kind switch
            {
                ArgumentKind.Any => true,
                ArgumentKind.String => value is string,
                ArgumentKind.Int => value is long,
                ArgumentKind.Number => value is long or double,
                ArgumentKind.Bool => value is bool,
                ArgumentKind.Array => value is IList && !Values.IsMap(value),
                ArgumentKind.Map => Values.IsMap(value),
                ArgumentKind.Object => parameter.ClrType!.IsInstanceOfType(value),
                _ => false,
            };
            if (!ok)
            {
                var wanted = parameter.Kind == ArgumentKind.Object ? parameter.ClrType!.Name : parameter.Kind.ToString().ToLowerInvariant();
                throw new EvalError(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{function.Name}: argument {i + 1} ({parameter.Name}) must be {wanted}, got {Values.TypeName(value)}"));
            }
        }
    }
}
