using Xunit;

namespace Barge.Expressions.Tests.Builtins;

/// <summary>Every builtin of expr-lang.md §6 with its edge cases (beyond the corpus).</summary>
public sealed class BuiltinCatalogTests
{
    private const string Env = """{"xs": [3, 1, 2], "m": {"a": 1, "b": 2}, "s": "héllo", "n": null, "people": [{"name": "b", "age": 30}, {"name": "a", "age": 20}]}""";

    [Theory]
    // predicates
    [InlineData("all-empty", "all([], # > 0)", "true")]
    [InlineData("all", "all(xs, # > 0)", "true")]
    [InlineData("any-short-circuits", "any([1, 'a'], # > 0)", "true")]
    [InlineData("none", "none(xs, # > 5)", "true")]
    [InlineData("one", "one(xs, # == 2)", "true")]
    [InlineData("one-empty", "one([], true)", "false")]
    [InlineData("filter", "filter(xs, # > 1)", "[3,2]")]
    [InlineData("map-index", "map(xs, # * #index)", "[0,1,4]")]
    [InlineData("map-field-shorthand", "map(people, .name)", "[\"b\",\"a\"]")]
    [InlineData("find", "find(xs, # < 3)", "1")]
    [InlineData("find-none", "find(xs, # > 9)", "null")]
    [InlineData("findIndex", "findIndex(xs, # == 2)", "2")]
    [InlineData("findLast", "findLast(xs, # > 1)", "2")]
    [InlineData("findLastIndex", "findLastIndex(xs, # > 1)", "2")]
    [InlineData("count-predicate", "count(xs, # > 1)", "2")]
    [InlineData("count-bools", "count([true, false, true])", "2")]
    [InlineData("sum", "sum(xs)", "6")]
    [InlineData("sum-mixed-float", "sum([1, 2, 3.0, 4])", "10.0")]
    [InlineData("sum-empty", "sum([])", "0")]
    [InlineData("sum-expression", "sum(people, .age)", "50")]
    [InlineData("groupBy-index", "groupBy(xs, # % 2)[1]", "[3,1]")]
    [InlineData("groupBy-bool-key", "groupBy(xs, # > 1)[true]", "[3,2]")]
    [InlineData("sortBy", "map(sortBy(people, .age), .name)", "[\"a\",\"b\"]")]
    [InlineData("sortBy-desc", "sortBy(xs, #, 'desc')", "[3,2,1]")]
    [InlineData("reduce", "reduce(xs, #acc + #)", "6")]
    [InlineData("reduce-init", "reduce(xs, #acc + # * #index, 100)", "105")]
    [InlineData("nested-predicates", "map([1, 2], {let x = #; map([10], {# + x})})", "[[11],[12]]")]
    [InlineData("pipe-predicate", "xs | filter(# > 1) | map(# * 10)", "[30,20]")]
    // strings
    [InlineData("len-runes", "len(s)", "5")]
    [InlineData("len-emoji", "len('👍🏻')", "2")]
    [InlineData("len-map", "len(m)", "2")]
    [InlineData("upper", "upper('straße')", "\"STRAßE\"")]
    [InlineData("lower", "lower('ABC')", "\"abc\"")]
    [InlineData("trim", "trim('  x \\n')", "\"x\"")]
    [InlineData("trim-cutset", "trim('__foo___', '_')", "\"foo\"")]
    [InlineData("trimPrefix-default-space", "trimPrefix('  x')", "\" x\"")]
    [InlineData("trimPrefix", "trimPrefix('foobar', 'foo')", "\"bar\"")]
    [InlineData("trimSuffix", "trimSuffix('foobar', 'bar')", "\"foo\"")]
    [InlineData("split-empty", "split('', ',')", "[\"\"]")]
    [InlineData("split-n", "split('a,b,c', ',', 2)", "[\"a\",\"b,c\"]")]
    [InlineData("split-zero", "split('a,b', ',', 0)", "[]")]
    [InlineData("split-chars", "split('abc', '')", "[\"a\",\"b\",\"c\"]")]
    [InlineData("splitAfter", "splitAfter('a,b', ',')", "[\"a,\",\"b\"]")]
    [InlineData("replace", "replace('aaa', 'a', 'b')", "\"bbb\"")]
    [InlineData("replace-n", "replace('aaa', 'a', 'b', 2)", "\"bba\"")]
    [InlineData("replace-empty-old", "replace('aaa', '', '-')", "\"-a-a-a-\"")]
    [InlineData("repeat", "repeat('ab', 3)", "\"ababab\"")]
    [InlineData("join", "join(['a', 'b'], '-')", "\"a-b\"")]
    [InlineData("join-default", "join(['a', 'b'])", "\"ab\"")]
    [InlineData("indexOf-bytes", "indexOf(s, 'l')", "3")]
    [InlineData("indexOf-missing", "indexOf('abc', 'z')", "-1")]
    [InlineData("lastIndexOf", "lastIndexOf('abcabc', 'b')", "4")]
    [InlineData("hasPrefix", "hasPrefix('abc', 'ab')", "true")]
    [InlineData("hasSuffix", "hasSuffix('abc', 'bc')", "true")]
    // numbers
    [InlineData("abs-int", "abs(-3)", "3")]
    [InlineData("abs-float", "abs(-1.5)", "1.5")]
    [InlineData("abs-min-int-wraps", "abs(-9223372036854775807 - 1)", "-9223372036854775808")]
    [InlineData("ceil-int", "ceil(5)", "5.0")]
    [InlineData("floor", "floor(-1.5)", "-2.0")]
    [InlineData("round-half-away", "round(2.5)", "3.0")]
    [InlineData("round-negative", "round(-1.5)", "-2.0")]
    [InlineData("max-keeps-type", "max(1, 2.5)", "2.5")]
    [InlineData("max-int-wins", "max(3, 2.5)", "3")]
    [InlineData("max-nested", "max([1, [7, 2]], 3)", "7")]
    [InlineData("min-tie-first", "min(1, 1.0)", "1")]
    [InlineData("max-empty", "max([])", "null")]
    [InlineData("mean", "mean(xs)", "2.0")]
    [InlineData("mean-empty", "mean([])", "0.0")]
    [InlineData("median-even", "median([1, 2, 3, 4])", "2.5")]
    [InlineData("int-truncates", "int(-1.9)", "-1")]
    [InlineData("int-string", "int('-42')", "-42")]
    [InlineData("float-string", "float('1e3')", "1000.0")]
    [InlineData("float-underscore", "float('1_000')", "1000.0")]
    [InlineData("bitand", "bitand(12, 10)", "8")]
    [InlineData("bitor", "bitor(12, 10)", "14")]
    [InlineData("bitxor", "bitxor(12, 10)", "6")]
    [InlineData("bitnand", "bitnand(12, 10)", "4")]
    [InlineData("bitnot", "bitnot(0)", "-1")]
    [InlineData("bitshl-64", "bitshl(1, 64)", "0")]
    [InlineData("bitshr-arithmetic", "bitshr(-8, 1)", "-4")]
    [InlineData("bitushr", "bitushr(-5, 2)", "4611686018427387902")]
    // arrays and maps
    [InlineData("first", "first(xs)", "3")]
    [InlineData("first-empty", "first([])", "null")]
    [InlineData("last", "last(xs)", "2")]
    [InlineData("get-out-of-range", "get(xs, 10)", "null")]
    [InlineData("get-negative", "get(xs, -1)", "2")]
    [InlineData("get-map", "get(m, 'a')", "1")]
    [InlineData("get-nil-variable", "get(n, 'a')", "null")]
    [InlineData("take", "take(xs, 2)", "[3,1]")]
    [InlineData("take-more", "take(xs, 9)", "[3,1,2]")]
    [InlineData("keys", "sort(keys(m))", "[\"a\",\"b\"]")]
    [InlineData("values", "sort(values(m))", "[1,2]")]
    [InlineData("toPairs", "len(toPairs(m))", "2")]
    [InlineData("fromPairs", "fromPairs([['a', 1], ['a', 2]])['a']", "2")]
    [InlineData("reverse", "reverse(xs)", "[2,1,3]")]
    [InlineData("uniq", "uniq([1, 1.0, 2, 'a', 'a'])", "[1,2,\"a\"]")]
    [InlineData("concat", "concat([1], [2, 3], [])", "[1,2,3]")]
    [InlineData("flatten", "flatten([1, [2, [3, [4]]]])", "[1,2,3,4]")]
    [InlineData("sort-numbers", "sort([3, 1.5, 2])", "[1.5,2,3]")]
    [InlineData("sort-strings-bytes", "sort(['a', 'B', 'c'])", "[\"B\",\"a\",\"c\"]")]
    [InlineData("sort-desc", "sort(xs, 'desc')", "[3,2,1]")]
    // conversion, JSON, encoding
    [InlineData("type-int", "type(1)", "\"int\"")]
    [InlineData("type-float", "type(1.0)", "\"float\"")]
    [InlineData("type-nil", "type(nil)", "\"nil\"")]
    [InlineData("type-array", "type(xs)", "\"array\"")]
    [InlineData("type-map", "type(m)", "\"map\"")]
    [InlineData("string-float-exp", "string(1e6)", "\"1e+06\"")]
    [InlineData("string-float", "string(1.0)", "\"1\"")]
    [InlineData("string-small", "string(0.00001)", "\"1e-05\"")]
    [InlineData("string-nil", "string(nil)", "\"\\u003cnil\\u003e\"")]
    [InlineData("string-array", "string([1, 'a', nil])", "\"[1 a \\u003cnil\\u003e]\"")]
    [InlineData("string-map", "string({b: 1, a: [true]})", "\"map[a:[true] b:1]\"")]
    [InlineData("toJSON-indent", "toJSON({b: 1, a: [1]})", "\"{\\n  \\\"a\\\": [\\n    1\\n  ],\\n  \\\"b\\\": 1\\n}\"")]
    [InlineData("toJSON-float", "toJSON(1e6)", "\"1000000\"")]
    [InlineData("toJSON-html", "toJSON('<&>')", "\"\\\"\\\\u003c\\\\u0026\\\\u003e\\\"\"")]
    [InlineData("fromJSON-floats", "fromJSON('[1, 2]')", "[1.0,2.0]")]
    [InlineData("toBase64", "toBase64('hi')", "\"aGk=\"")]
    [InlineData("fromBase64", "fromBase64('aGk=')", "\"hi\"")]
    // time
    [InlineData("duration", "duration('1h30m').Minutes()", "90.0")]
    [InlineData("duration-string", "duration('90s').String()", "\"1m30s\"")]
    [InlineData("duration-times-float", "duration('1s') * .5", "500000000.0")]
    [InlineData("date-default-layout", "date('2024-03-05').Year()", "2024")]
    [InlineData("date-layout", "date('05/03/2024', '02/01/2006').Month()", "3")]
    [InlineData("date-rfc3339", "date('2024-01-02T03:04:05Z').Format('2006-01-02 15:04')", "\"2024-01-02 03:04\"")]
    [InlineData("date-subtract", "(date('2024-01-02') - date('2024-01-01')).Hours()", "24.0")]
    [InlineData("date-compare", "date('2024-01-02') > date('2024-01-01')", "true")]
    [InlineData("timezone", "timezone('UTC').String()", "\"UTC\"")]
    public void Evaluate_Builtin_GivesExprResult(string name, string source, string expected)
    {
        _ = name;
        Assert.Equal(expected, Eval.Json(source, Env));
    }

    [Theory]
    [InlineData("len-nil-variable", "len(n)")]
    [InlineData("len-number", "len(1)")]
    [InlineData("reduce-empty", "reduce([], #acc)")]
    [InlineData("join-non-string", "join([1, 2])")]
    [InlineData("repeat-negative", "repeat('a', -1)")]
    [InlineData("int-bad-string", "int('1.5')")]
    [InlineData("int-space", "int(' 1')")]
    [InlineData("float-bad-string", "float('0x10')")]
    [InlineData("sort-mixed", "sort([1, 'a'])")]
    [InlineData("sort-bad-order", "sort(xs, 'up')")]
    [InlineData("sortBy-mixed-keys", "sortBy([1, 'a'], #)")]
    [InlineData("groupBy-array-key", "groupBy(xs, [#])")]
    [InlineData("take-negative", "take(xs, -1)")]
    [InlineData("bitshl-negative", "bitshl(1, -1)")]
    [InlineData("fromBase64-unpadded", "fromBase64('aGk')")]
    [InlineData("fromJSON-invalid", "fromJSON('{')")]
    [InlineData("toJSON-nan", "toJSON(0.0 / 0.0)")]
    [InlineData("toJSON-any-key-map", "toJSON(groupBy(xs, #))")]
    [InlineData("duration-day", "duration('1d')")]
    [InlineData("date-invalid", "date('yesterday')")]
    [InlineData("timezone-unknown", "timezone('Mars/Olympus')")]
    [InlineData("count-non-bool", "count([1])")]
    [InlineData("filter-non-bool", "filter(xs, #)")]
    [InlineData("max-string", "max('a')")]
    [InlineData("first-string", "first('abc')")]
    [InlineData("abs-string", "abs('x')")]
    [InlineData("unknown-function", "nope(1)")]
    [InlineData("too-few-args", "split('a')")]
    [InlineData("too-many-args", "upper('a', 'b')")]
    [InlineData("index-outside-map", "filter(xs, #index > 0)")]
    [InlineData("let-shadows-builtin", "let len = 1; len")]
    public void Evaluate_BuiltinMisuse_FailsWithExpressionError(string name, string source)
    {
        _ = name;
        var error = Eval.Error(source, Env);
        Assert.False(string.IsNullOrEmpty(error.Reason));
    }

    [Fact]
    public void Now_UsesInjectedTimeProvider()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var options = new ExprOptions { TimeProvider = clock };
        Assert.Equal("2030", Eval.Json("now().Year()", options: options));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
