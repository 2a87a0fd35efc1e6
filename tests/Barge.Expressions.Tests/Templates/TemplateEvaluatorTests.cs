using System.Text.Json.Nodes;
using Barge.Expressions.Templates;
using Xunit;

namespace Barge.Expressions.Tests.Templates;

public sealed class TemplateEvaluatorTests
{
    private static readonly TemplateEvaluator Templates = new();

    private static readonly Dictionary<string, object?> Env = new()
    {
        ["aString"] = "hello",
        ["vars"] = new Dictionary<string, object?> { ["n"] = 3.0, ["name"] = "grommet", ["tags"] = new List<object?> { "a", "b" } },
    };

    // kargo-spec §3.1 test vectors (YAML block scalars keep their trailing newline).
    [Theory]
    [InlineData("quote-map", "${{ quote({\"foo\": \"bar\"}) }}", "s:{\"foo\":\"bar\"}")]
    [InlineData("block-map", "${{ {\"foo\": \"bar\"} }}\n", "j:{\"foo\":\"bar\"}")]
    [InlineData("block-quote-map", "${{ quote({\"foo\": \"bar\"}) }}\n", "s:{\"foo\":\"bar\"}\n")]
    [InlineData("block-number", "${{ 42 }}\n", "d:42")]
    [InlineData("block-quote-number", "${{ quote(42) }}\n", "s:42\n")]
    [InlineData("percent-delimiters", "${% '{{.domain}}' %}", "s:{{.domain}}")]
    [InlineData("mixed-delimiters", "foo ${{ aString }} and ${% 'bar' %}", "s:foo hello and bar")]
    [InlineData("sum-is-number", "${{ 40 + 2 }}", "d:42")]
    [InlineData("concatenation-is-string", "a-${{ 1 }}", "s:a-1")]
    [InlineData("two-expressions-number", "${{ 1 }}${{ 2 }}", "d:12")]
    [InlineData("null-string", "${{ \"null\" }}", "n:")]
    [InlineData("no-delimiters-stay-string", "42", "s:42")]
    [InlineData("quote-true", "${{ quote(true) }}", "s:true")]
    [InlineData("quote-nil", "${{ quote(nil) }}", "s:null")]
    [InlineData("quote-string", "${{ quote('a\"b') }}", "s:a\\\"b")]
    [InlineData("unsafe-quote", "${{ unsafeQuote('foo') }}", "s:\"foo\"")]
    [InlineData("bool-word", "${{ 'True' }}", "b:true")]
    [InlineData("zero-is-number", "${{ '0' }}", "d:0")]
    [InlineData("nil-inline", "x=${{ nil }}", "s:x=null")]
    [InlineData("array-json", "${{ vars.tags }}", "j:[\"a\",\"b\"]")]
    [InlineData("html-escaped-json", "x ${{ ['<a&b>'] }}", "s:x [\"\\u003ca\\u0026b\\u003e\"]")]
    [InlineData("float-from-env", "${{ vars.n + 1 }}", "d:4")]
    [InlineData("as-yaml-list", "${{ asYAML(['one','two']) }}", "s:- one\n- two\n")]
    [InlineData("as-yaml-map", "${% asYAML({'b': 1, 'a': {'c': [true]}}) %}", "s:a:\n    c:\n        - true\nb: 1\n")]
    [InlineData("as-json", "${{ asJSON({'b': 1, 'a': [1]}) }}", "s:{\n  \"a\": [\n    1\n  ],\n  \"b\": 1\n}\n")]
    [InlineData("trailing-newline-kept-on-text", "${{ 'abc' }}\n", "s:abc\n")]
    public void Evaluate_Template_GivesKargoResult(string name, string template, string expected)
    {
        _ = name;
        var actual = Templates.Evaluate(template, Env);
        var kind = expected[0];
        var body = expected[2..];
        switch (kind)
        {
            case 's':
                Assert.Equal(body, Assert.IsType<string>(actual));
                break;
            case 'd':
                Assert.Equal(double.Parse(body, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<double>(actual));
                break;
            case 'b':
                Assert.Equal(bool.Parse(body), Assert.IsType<bool>(actual));
                break;
            case 'n':
                Assert.Null(actual);
                break;
            default:
                Assert.Equal(body, TemplateEvaluator.ToNode(actual)!.ToJsonString());
                break;
        }
    }

    [Theory]
    [InlineData("curly", "a ${{ 1 + 1", "unclosed expression: expected \"}}\" but reached end of template")]
    [InlineData("percent", "${% 1 ", "unclosed expression: expected \"%}\" but reached end of template")]
    public void Evaluate_UnclosedDelimiter_FailsWithKargoMessage(string name, string template, string message)
    {
        _ = name;
        var error = Assert.Throws<ExpressionException>(() => Templates.Evaluate(template));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Evaluate_CurlyBracesInsideExpression_EndEarly()
    {
        // No escaping: the first "}}" closes the expression, so this body is "{'a': {'b': 1" and fails to parse.
        Assert.Throws<ExpressionException>(() => Templates.Evaluate("${{ {'a': {'b': 1}} }}"));
        Assert.Equal(1.0, Templates.Evaluate("${% {'a': {'b': 1}}.a.b %}"));
    }

    [Theory]
    [InlineData("quote")]
    [InlineData("asYAML")]
    [InlineData("asJSON")]
    public void Evaluate_EnvironmentDefinesReservedName_Fails(string name)
    {
        var env = new Dictionary<string, object?> { [name] = 1L };
        var error = Assert.Throws<ExpressionException>(() => Templates.Evaluate("${{ 1 }}", env));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ResultNotEncodable_FailsClearly()
    {
        var error = Assert.Throws<ExpressionException>(() => Templates.Evaluate("x ${{ groupBy([1, 2], # % 2) }}"));
        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTree_StringValuesAtAnyDepth_AreEvaluatedButKeysAreNot()
    {
        var config = JsonNode.Parse("""
            {
              "${{ key }}": "${{ vars.name }}",
              "nested": { "list": ["${{ 1 + 1 }}", 7, true, null, "plain"] },
              "count": "${{ len(vars.tags) }}"
            }
            """);
        var result = Templates.EvaluateTree(config, Env)!;
        Assert.Equal(
            """{"${{ key }}":"grommet","nested":{"list":[2,7,true,null,"plain"]},"count":2}""",
            result.ToJsonString());
        Assert.Equal("${{ vars.name }}", config!["${{ key }}"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateTree_FailingExpression_NamesJsonPath()
    {
        var config = JsonNode.Parse("""{ "steps": [ { "uses": "${{ 1 + 'a' }}" } ] }""");
        var error = Assert.Throws<ExpressionException>(() => Templates.EvaluateTree(config, Env));
        Assert.StartsWith("$.steps[0].uses: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HostFunctionOption_IsAvailableInTemplates()
    {
        var functions = FunctionRegistry.Create(new HostFunction(
            "warehouse", [new HostParameter("name", ArgumentKind.String)], static a => new Dictionary<string, object?> { ["Kind"] = "Warehouse", ["Name"] = a[0] }));
        var templates = new TemplateEvaluator(new ExprOptions { Functions = functions });
        Assert.Equal("Warehouse/w1", templates.Evaluate("${{ warehouse('w1').Kind }}/${{ warehouse('w1').Name }}"));
    }
}
