using Xunit;

namespace Barge.Expressions.Tests;

/// <summary>Host functions and host objects as the promotion engine will use them.</summary>
public sealed class FunctionRegistryTests
{
    public sealed record FreightOrigin(string Kind, string Name);

    public sealed record GitCommit(string RepoURL, string ID, string? Tag, int Count, IReadOnlyList<string> Labels)
    {
        public string Short() => ID[..3];
    }

    private static readonly FunctionRegistry Functions = FunctionRegistry.Create(
        new HostFunction("warehouse", [new HostParameter("name", ArgumentKind.String)], static a =>
        {
            var name = (string)a[0]!;
            return name.Length == 0 ? throw new ExpressionFunctionException("name must not be empty") : new FreightOrigin("Warehouse", name);
        }),
        new HostFunction(
            "commitFrom",
            [new HostParameter("repoURL", ArgumentKind.String), new HostParameter("origin", ArgumentKind.Object, Optional: true, ClrType: typeof(FreightOrigin))],
            static a => a.Length > 1 && ((FreightOrigin)a[1]!).Name == "none" ? null : new GitCommit((string)a[0]!, "abc123", null, 3, ["x", "y"])),
        new HostFunction("len", [new HostParameter("value", ArgumentKind.Any)], static _ => "overridden"));

    private static readonly ExprOptions Options = new() { Functions = Functions };

    [Theory]
    [InlineData("property-by-exact-name", "commitFrom(vars.repo, warehouse(ctx.origin)).ID", "\"abc123\"")]
    [InlineData("nil-result", "commitFrom(vars.repo, warehouse('none'))", "null")]
    [InlineData("optional-chain-on-nil-result", "commitFrom(vars.repo, warehouse('none'))?.ID ?? 'none'", "\"none\"")]
    [InlineData("int-property", "commitFrom('u').Count + 1", "4")]
    [InlineData("list-property", "commitFrom('u').Labels[1]", "\"y\"")]
    [InlineData("null-property", "commitFrom('u').Tag", "null")]
    [InlineData("method", "commitFrom('u').Short()", "\"abc\"")]
    [InlineData("object-in-map", "{o: warehouse('w')}.o.Name", "\"w\"")]
    [InlineData("host-overrides-builtin", "len([1])", "\"overridden\"")]
    [InlineData("force-builtin", "::len([1])", "1")]
    [InlineData("field-exists", "'RepoURL' in commitFrom('u')", "true")]
    public void Evaluate_HostFunctionsAndObjects_Work(string name, string source, string expected)
    {
        _ = name;
        Assert.Equal(expected, Eval.Json(source, """{"vars": {"repo": "https://git.example.com/a.git"}, "ctx": {"origin": "w1"}}""", Options));
    }

    [Theory]
    [InlineData("wrong-kind", "warehouse(1)", "warehouse: argument 1 (name) must be string, got int")]
    [InlineData("too-many", "warehouse('a', 'b')", "warehouse: expected 1 argument, got 2")]
    [InlineData("too-few", "commitFrom()", "commitFrom: expected 1 to 2 arguments, got 0")]
    [InlineData("wrong-object", "commitFrom('u', 'w')", "commitFrom: argument 2 (origin) must be FreightOrigin, got string")]
    [InlineData("function-failure", "warehouse('')", "warehouse: name must not be empty")]
    [InlineData("unknown-property", "warehouse('w').Nope", "cannot fetch Nope from FreightOrigin")]
    public void Evaluate_BadHostCall_FailsWithNamedError(string name, string source, string reason)
    {
        _ = name;
        var error = Eval.Error(source, options: Options);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Parse_NumbersAsFloats_DecodesEveryNumberAsFloat()
    {
        var env = (IReadOnlyDictionary<string, object?>)ExprJson.Parse("""{"n": 1, "l": [2]}""", numbersAsFloats: true)!;
        Assert.Equal("[2.0,2.0]", ExprJson.Format(Expr.Compile("[n + 1, l[0]]").Evaluate(env)));
    }

    [Fact]
    public void Create_RequiredAfterOptional_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => FunctionRegistry.Create(new HostFunction(
            "f", [new HostParameter("a", ArgumentKind.Any, Optional: true), new HostParameter("b", ArgumentKind.Any)], static _ => null)));
    }

    [Fact]
    public void Evaluate_EnvironmentOfClrValues_IsNormalised()
    {
        var env = new Dictionary<string, object?>
        {
            ["i"] = 3,
            ["u"] = (byte)2,
            ["f"] = 1.5f,
            ["m"] = new Dictionary<string, string> { ["k"] = "v" },
            ["l"] = new List<int> { 1, 2 },
            ["j"] = System.Text.Json.Nodes.JsonNode.Parse("""{"a": [1, 2.5]}"""),
        };
        Assert.Equal("[5,1.5,\"v\",\"\",3,2.5]", ExprJson.Format(Expr.Compile("[i + u, f, m.k, m.missing, sum(l), j.a[1]]").Evaluate(env)));
    }
}
