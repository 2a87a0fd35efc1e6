using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Templates;

/// <summary>Kargo's template helpers <c>quote</c>, <c>unsafeQuote</c>, <c>asYAML</c> and <c>asJSON</c> (kargo-spec §3.1).</summary>
internal static class TemplateFunctions
{
    public static readonly string[] ReservedNames = ["quote", "asYAML", "asJSON"];

    public static IEnumerable<HostFunction> All()
    {
        var value = new[] { new HostParameter("value", ArgumentKind.Any) };
        yield return new HostFunction("quote", value, static a => a[0] is string s ? GoQuoting.Quote(s) : UnsafeQuote(a[0]));
        yield return new HostFunction("unsafeQuote", value, static a => UnsafeQuote(a[0]));
        yield return new HostFunction("asYAML", value, static a =>
        {
            var v = a[0];
            return "\"" + Run(() => GoYaml.Serialize(v)) + "\"";
        });
        yield return new HostFunction("asJSON", value, static a =>
        {
            var v = a[0];
            return "\"" + Run(() => GoJson.Serialize(v, indent: true)) + "\n\"";
        });
    }

    private static string UnsafeQuote(object? value) => "\"" + Run(() => GoJson.Serialize(value, indent: false)) + "\"";

    private static string Run(Func<string> encode)
    {
        try
        {
            return encode();
        }
        catch (EvalError e)
        {
            throw new ExpressionFunctionException(e.Reason);
        }
    }
}
