using System.Diagnostics;
using Xunit;

namespace Barge.Expressions.Tests;

/// <summary>Operator families, syntax and the error rendering of <see cref="Expr"/>, beyond the corpus.</summary>
public sealed class ExprTests
{
    private const string Env = """{"foo": {"bar": {"baz": 1}}, "nilv": null, "list": [1, 2, 3], "f": 1.5, "i": 7, "t": true, "str": "hello"}""";

    [Theory]
    // literals
    [InlineData("hex", "0x1F", "31")]
    [InlineData("octal", "0o17", "15")]
    [InlineData("binary", "0b101", "5")]
    [InlineData("underscores", "1_000_000", "1000000")]
    [InlineData("leading-zero-decimal", "08", "8")]
    [InlineData("float-forms", "[.5, 5., 1e3, 1_0.5_0]", "[0.5,5.0,1000.0,10.5]")]
    [InlineData("raw-string", "`a``b`", "\"a`b\"")]
    [InlineData("escapes", "\"\\x41\\u00e9\\u{1F600}\\101\"", "\"Aé😀A\"")]
    [InlineData("single-quotes", "'it\\'s'", "\"it's\"")]
    [InlineData("comments", "1 /* two */ + // rest\n 2", "3")]
    [InlineData("map-literal-keys", "{foo: 1, 'b': 2, 3: 3, 1.5: 4}", "{\"1.5\":4,\"3\":3,\"b\":2,\"foo\":1}")]
    [InlineData("map-first-key-wins", "{a: 1, a: 2}", "{\"a\":1}")]
    [InlineData("trailing-commas", "[1, 2,] == [1, 2] && {a: 1,}.a == 1", "true")]
    // arithmetic
    [InlineData("int-wraps", "9223372036854775807 + 1", "-9223372036854775808")]
    [InlineData("division-float", "4 / 2", "2.0")]
    [InlineData("modulo-sign", "[-7 % 3, 7 % -3]", "[-1,1]")]
    [InlineData("power-right-assoc", "2 ** 3 ** 2", "512.0")]
    [InlineData("unary-binds-below-power", "-2 ** 2", "-4.0")]
    [InlineData("mixed-int-float", "i + f", "8.5")]
    [InlineData("string-concat", "str + ' world'", "\"hello world\"")]
    [InlineData("division-by-zero-inf", "1 / 0 > 1e308", "true")]
    // comparison and logic
    [InlineData("int-float-equal", "1 == 1.0", "true")]
    [InlineData("list-equal-numeric", "[1] == [1.0]", "true")]
    [InlineData("map-equal-strict", "{a: 1} == {a: 1.0}", "false")]
    [InlineData("nil-equal", "nilv == nil", "true")]
    [InlineData("string-number-unequal-dynamic", "str == i", "false")]
    [InlineData("string-order-bytes", "'B' < 'a'", "true")]
    [InlineData("chained-comparison", "1 < 2 < 3 > 2", "true")]
    [InlineData("and-returns-right", "t && nilv", "null")]
    [InlineData("or-returns-right", "!t || str", "\"hello\"")]
    [InlineData("not-in-parses-left", "not t in [false]", "true")]
    [InlineData("word-operators", "t and not false or false", "true")]
    // membership and strings
    [InlineData("in-array-numeric", "1 in [1.0]", "true")]
    [InlineData("in-map-nil-value", "'a' in {a: nil}", "true")]
    [InlineData("in-nil", "1 in nilv", "false")]
    [InlineData("not-in", "4 not in list", "true")]
    [InlineData("in-range", "5 in 1..i", "true")]
    [InlineData("contains", "str contains 'ell'", "true")]
    [InlineData("contains-nil", "nilv contains 'x'", "false")]
    [InlineData("startsWith", "str startsWith 'he'", "true")]
    [InlineData("endsWith-negated", "str not endsWith 'x'", "true")]
    [InlineData("matches-unanchored", "'xfoox' matches 'foo'", "true")]
    [InlineData("matches-flags", "'ABC' matches '(?i)^abc$'", "true")]
    [InlineData("matches-dynamic", "str matches ('^h' + 'e')", "true")]
    // ranges, slices, members
    [InlineData("range", "1..3", "[1,2,3]")]
    [InlineData("range-empty", "3..1", "[]")]
    [InlineData("range-precedence", "1..1+1", "[1,2]")]
    [InlineData("negative-index", "list[-1]", "3")]
    [InlineData("slice", "list[1:]", "[2,3]")]
    [InlineData("slice-clamped", "list[-99:99]", "[1,2,3]")]
    [InlineData("slice-empty", "list[2:1]", "[]")]
    [InlineData("string-slice-bytes", "'héllo'[1:3]", "\"é\"")]
    [InlineData("nested-member", "foo.bar.baz", "1")]
    [InlineData("index-member", "foo['bar']['baz']", "1")]
    [InlineData("missing-key-nil", "foo.nope", "null")]
    [InlineData("keyword-as-property", "{'in': 1}.in", "1")]
    [InlineData("env-variable", "$env.i + $env['i']", "14")]
    [InlineData("env-contains", "'i' in $env", "true")]
    [InlineData("undefined-is-nil", "undefinedVar", "null")]
    // nil handling
    [InlineData("optional-chain", "nilv?.a.b.c", "null")]
    [InlineData("optional-index", "nilv?.[0]", "null")]
    [InlineData("optional-guard-left-only", "foo.nope?.x", "null")]
    [InlineData("coalesce", "nilv ?? 'd'", "\"d\"")]
    [InlineData("coalesce-only-nil", "[false ?? 1, 0 ?? 1, '' ?? 1]", "[false,0,\"\"]")]
    [InlineData("coalesce-binds-tight", "1 + nilv ?? 2", "3")]
    [InlineData("coalesce-chain", "nilv?.x ?? nilv ?? 3", "3")]
    // conditionals, let, sequences, pipes
    [InlineData("ternary", "i > 5 ? 'big' : 'small'", "\"big\"")]
    [InlineData("ternary-nested-right", "false ? 1 : true ? 2 : 3", "2")]
    [InlineData("elvis", "false ?: 5", "5")]
    [InlineData("elvis-true", "t ?: 5", "true")]
    [InlineData("if-else", "if i > 10 { 'a' } else if i > 5 { 'b' } else { 'c' }", "\"b\"")]
    [InlineData("if-in-parens", "(if true {1} else {2}) + 1", "2")]
    [InlineData("let", "let x = 2; let y = x * 3; y + 1", "7")]
    [InlineData("let-in-parens", "(let x = 1; x) + 1", "2")]
    [InlineData("let-shadows-env", "let i = 1; i", "1")]
    [InlineData("sequence", "1; 2; 3;", "3")]
    [InlineData("pipe", "-1 | abs()", "1")]
    [InlineData("pipe-lowest-precedence", "'a' | upper() + 'B' | lower()", "\"ab\"")]
    [InlineData("force-builtin", "::len([1])", "1")]
    public void Evaluate_Expression_GivesExprResult(string name, string source, string expected)
    {
        _ = name;
        Assert.Equal(expected, Eval.Json(source, Env));
    }

    [Theory]
    [InlineData("type-mismatch-literal", "1 + 'a'", "invalid operation")]
    [InlineData("equality-mismatch-literal", "'a' == 1", "mismatched types")]
    [InlineData("and-literal-nil", "true && nil", "mismatched types")]
    [InlineData("or-non-bool", "true or 0", "mismatched types")]
    [InlineData("fetch-from-nil", "nilv.x", "cannot fetch x from <nil>")]
    [InlineData("optional-non-nil-then-nil", "foo?.nope.x", "cannot fetch x")]
    [InlineData("index-out-of-range", "list[5]", "index out of range: 5 (array length is 3)")]
    [InlineData("modulo-zero", "i % 0", "integer divide by zero")]
    [InlineData("modulo-float", "f % 2", "invalid operation")]
    [InlineData("left-not-bool", "nilv && true", "not bool")]
    [InlineData("not-nil", "!nilv", "invalid operation")]
    [InlineData("condition-not-bool", "i ? 1 : 2", "used as condition")]
    [InlineData("in-string", "'a' in str", "invalid operation")]
    [InlineData("order-nil", "nilv > 1", "invalid operation")]
    [InlineData("computed-key-not-string", "{(i): 1}", "map key must be a string")]
    [InlineData("coalesce-mixing", "nilv ?? 1 + 1", "cannot be mixed")]
    [InlineData("number-postfix", "1[0]", "unexpected token")]
    [InlineData("nil-member", "nil.a", "unexpected token")]
    [InlineData("pointer-outside-predicate", "#", "unexpected token")]
    [InlineData("let-misplaced", "1 + let x = 1; x", "unexpected token")]
    [InlineData("let-redeclared", "let x = 1; (let x = 2; x)", "cannot redeclare")]
    [InlineData("missing-else", "if true { 1 }", "unexpected token")]
    [InlineData("not-before-equals", "1 not == 2", "unexpected token")]
    [InlineData("semicolon-in-bare-predicate", "map(list, 1; 2)", "wrap predicate with brackets")]
    [InlineData("unterminated-string", "'abc", "literal not terminated")]
    [InlineData("newline-in-string", "'a\nb'", "literal not terminated")]
    [InlineData("unterminated-comment", "1 /* x", "unclosed comment")]
    [InlineData("bad-escape", "\"\\q\"", "invalid char escape")]
    [InlineData("other-quote-escaped", "\"\\'\"", "invalid char escape")]
    [InlineData("octal-too-big", "\"\\400\"", "unable to unescape")]
    [InlineData("bad-number", "0b15", "bad number syntax")]
    [InlineData("int-literal-too-large", "9223372036854775808", "out of range")]
    [InlineData("float-literal-too-large", "1e400", "out of range")]
    [InlineData("lone-exponent", "1E", "invalid float literal")]
    [InlineData("unknown-character", "1 ♥ 2", "unrecognized character")]
    [InlineData("bad-regex-literal", "'a' matches '('", "invalid regular expression")]
    [InlineData("bytes-literal", "b'abc'", "not supported")]
    [InlineData("range-of-floats", "1.5..3", "mismatched types")]
    [InlineData("unknown-pointer", "map(list, #nope)", "unknown pointer #nope")]
    public void Evaluate_BadExpression_FailsWithClearError(string name, string source, string fragment)
    {
        _ = name;
        var error = Eval.Error(source, Env);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unexpected-token", "foo(bar, ))", "unexpected token Bracket(\")\") (1:11)\n | foo(bar, ))\n | ..........^")]
    [InlineData("eof", "a+", "unexpected token EOF (1:2)\n | a+\n | .^")]
    [InlineData("second-line", "1 +\n  (2 + )", "unexpected token Bracket(\")\") (2:8)\n |   (2 + )\n | .......^")]
    [InlineData("runtime", "list[1] + nilv.x", "cannot fetch x from <nil> (1:16)\n | list[1] + nilv.x\n | ...............^")]
    [InlineData("map-key", "{-}", "a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token Operator(\"-\")) (1:2)\n | {-}\n | .^")]
    public void Evaluate_Error_IsRenderedWithPositionAndCaret(string name, string source, string expected)
    {
        _ = name;
        var error = Eval.Error(source, Env);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Matches_CatastrophicPattern_FinishesQuickly()
    {
        var input = new string('a', 50_000) + "!";
        var env = new Dictionary<string, object?> { ["s"] = input, ["p"] = "^(a+)+$" };
        var watch = Stopwatch.StartNew();
        Assert.Equal(false, Expr.Compile("s matches p").Evaluate(env));
        Assert.Equal(false, Expr.Compile("s matches '^(a|a)*$'").Evaluate(env));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Compile_Once_EvaluatesConcurrentlyWithDifferentEnvironments()
    {
        var compiled = Expr.Compile("map(1..50, # * n) | sum()");
        var results = new long[64];
        Parallel.For(0, results.Length, k =>
        {
            for (var repeat = 0; repeat < 200; repeat++)
            {
                results[k] = (long)compiled.Evaluate(new Dictionary<string, object?> { ["n"] = (long)k })!;
            }
        });
        for (var k = 0; k < results.Length; k++)
        {
            Assert.Equal(1275L * k, results[k]);
        }
    }
}
