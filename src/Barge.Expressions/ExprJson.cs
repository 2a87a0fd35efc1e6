using System.Text.Json;
using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions;

/// <summary>
/// JSON in and out of the engine in the conformance corpus's convention: a number written without
/// <c>.</c> or exponent decodes to an int (<see cref="long"/>), any other to a float; on output ints
/// have no decimal point, floats always have one (<c>2.0</c>, <c>1e+21</c>), map keys are sorted.
/// </summary>
public static class ExprJson
{
    /// <summary>Decodes JSON text into engine values (maps, lists, <see cref="long"/>, <see cref="double"/>, …).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="numbersAsFloats">When true every number becomes a float, as Go's <c>json.Unmarshal</c> into
    /// <c>any</c> gives them to Kargo's expressions; default false (the corpus rule above).</param>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static object? Parse(string json, bool numbersAsFloats = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return JsonValues.FromElement(document.RootElement, numbersAsFloats);
    }

    /// <summary>Converts a System.Text.Json node into engine values with the same number rule.</summary>
    public static object? FromNode(System.Text.Json.Nodes.JsonNode? node) => JsonValues.FromNode(node);

    /// <summary>Encodes an engine value as compact JSON in the corpus convention.</summary>
    /// <exception cref="ExpressionException">The value cannot be encoded (NaN, infinities, maps with non-string keys).</exception>
    public static string Format(object? value)
    {
        try
        {
            return GoJson.Serialize(value, indent: false, floatsWithPoint: true);
        }
        catch (EvalError e)
        {
            throw new ExpressionException(e.Reason);
        }
    }
}
