using System.Text.Json.Nodes;
using Barge.Expressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// An <c>outputs</c> item of <c>yaml-parse</c>, <c>json-parse</c>, <c>toml-parse</c> and <c>http</c>: a plain
/// expr-lang expression (no <c>${{ }}</c>, only expr built-ins) whose value becomes output <see cref="Name"/>.
/// </summary>
internal sealed record StepOutputExpression(string Name, string FromExpression)
{
    /// <summary>Binds the <c>outputs</c> array: items <c>{name, fromExpression}</c>, both required with minLength 1.</summary>
    public static IReadOnlyList<StepOutputExpression> BindList(ConfigObject root, int minItems)
    {
        var items = new List<StepOutputExpression>();
        foreach (var item in root.ObjectArray("outputs", minItems) ?? [])
        {
            item.Require("name", "fromExpression");
            item.AllowOnly("name", "fromExpression");
            var name = item.String("name", minLength: 1);
            var expression = item.String("fromExpression", minLength: 1);
            if (name is not null && expression is not null)
            {
                items.Add(new StepOutputExpression(name, expression));
            }
        }
        return items;
    }

    /// <summary>Converts an expression value into a step output value (floats keep their decimal point).</summary>
    public static JsonNode? ToOutput(object? value) => JsonNode.Parse(ExprJson.Format(value));
}
