using BenchmarkDotNet.Attributes;
using Barge.Expressions;

namespace Barge.Benchmarks.Expressions;

/// <summary>
/// expr-lang's own bench suite (bench_test.go, expr-lang.md §12.1) with the same expressions and
/// environments, precompiled as expr's benchmarks are. Struct environments become host objects
/// inside the map environment (Barge's environment is always a map, as Kargo's is).
/// </summary>
[MemoryDiagnoser]
public class ExprBenchmarks
{
    private const string Mow = """(Origin == "MOW" || Country == "RU") && (Value >= 100 || Adults == 1)""";

    private readonly Dictionary<string, CompiledExpression> _compiled = new(StringComparer.Ordinal);
    private Dictionary<string, object?> _mowEnv = null!;
    private Dictionary<string, object?> _env = null!;

    public sealed class Price
    {
        public int Value { get; init; }
    }

    public sealed class Foo
    {
        public string Method() => "hello";
    }

    public sealed class Inner
    {
        public int Field { get; init; }
    }

    [GlobalSetup]
    public void Setup()
    {
        _mowEnv = new Dictionary<string, object?> { ["Origin"] = "MOW", ["Country"] = "RU", ["Adults"] = 1L, ["Value"] = 100L };
        var shuffled = Enumerable.Range(1, 100).Select(i => (object?)(long)((i * 37) % 101)).ToList();
        _env = new Dictionary<string, object?>
        {
            ["arr"] = Enumerable.Range(1, 100).Select(i => (object?)(long)i).ToList(),
            ["Ints"] = Enumerable.Range(1, 1000).Select(i => (object?)(long)i).ToList(),
            ["shuffled"] = shuffled,
            ["structs"] = shuffled.Select(v => (object?)new Price { Value = (int)(long)v! }).ToList(),
            ["Price"] = new Price { Value = 100 },
            ["price"] = new Dictionary<string, object?> { ["Value"] = 100L },
            ["Foo"] = new Foo(),
            ["Field"] = 50L,
            ["Inner"] = new Inner { Field = 50 },
            ["Data"] = new List<object?> { Enumerable.Repeat((object?)1L, 1 << 20).ToList() },
        };
        var functions = FunctionRegistry.Create(
            new HostFunction("Func", [], static _ => "hello"),
            new HostFunction("Fn", [], static _ => "hello"));
        var options = new ExprOptions { Functions = functions };
        foreach (var (name, source) in Sources)
        {
            _compiled[name] = Expr.Compile(source, options);
        }
    }

    private static readonly (string Name, string Source)[] Sources =
    [
        ("expr", Mow),
        ("len", "len(arr)"),
        ("filter", "filter(Ints, # % 7 == 0)"),
        ("filterLen", "len(filter(Ints, # % 7 == 0))"),
        ("filterFirst", "filter(Ints, # % 7 == 0)[0]"),
        ("filterLast", "filter(Ints, # % 7 == 0)[-1]"),
        ("filterMap", "map(filter(Ints, # % 7 == 0), # * 2)"),
        ("arrayIndex", "arr[50]"),
        ("envStruct", "Price.Value > 0"),
        ("envMap", "price.Value > 0"),
        ("callFunc", "Func()"),
        ("callMethod", "Foo.Method()"),
        ("callField", "Fn()"),
        ("largeStructAccess", "Field > 0 && Field > 1 && Field < 99"),
        ("largeNestedStructAccess", "Inner.Field > 0 && Inner.Field > 1 && Inner.Field < 99"),
        ("largeNestedArrayAccess", "Data[0][0] > 0"),
        ("sort", "sort(shuffled)"),
        ("sortBy", "sortBy(structs, .Value)"),
        ("groupBy", "groupBy(1..100, # % 7)[6]"),
        ("reduce", "reduce(1..100, # + #acc)"),
        ("min", "min(arr)"),
        ("max", "max(arr)"),
        ("mean", "mean(arr)"),
        ("median", "median(arr)"),
    ];

    [Benchmark(Description = "expr")]
    public object? Expr_() => _compiled["expr"].Evaluate(_mowEnv);

    [Benchmark(Description = "expr_eval")]
    public object? ExprEval() => Barge.Expressions.Expr.Compile(Mow).Evaluate(_mowEnv);

    [Benchmark(Description = "len")]
    public object? Len() => _compiled["len"].Evaluate(_env);

    [Benchmark(Description = "filter")]
    public object? Filter() => _compiled["filter"].Evaluate(_env);

    [Benchmark(Description = "filterLen")]
    public object? FilterLen() => _compiled["filterLen"].Evaluate(_env);

    [Benchmark(Description = "filterFirst")]
    public object? FilterFirst() => _compiled["filterFirst"].Evaluate(_env);

    [Benchmark(Description = "filterLast")]
    public object? FilterLast() => _compiled["filterLast"].Evaluate(_env);

    [Benchmark(Description = "filterMap")]
    public object? FilterMap() => _compiled["filterMap"].Evaluate(_env);

    [Benchmark(Description = "arrayIndex")]
    public object? ArrayIndex() => _compiled["arrayIndex"].Evaluate(_env);

    [Benchmark(Description = "envStruct")]
    public object? EnvStruct() => _compiled["envStruct"].Evaluate(_env);

    [Benchmark(Description = "envMap")]
    public object? EnvMap() => _compiled["envMap"].Evaluate(_env);

    [Benchmark(Description = "callFunc")]
    public object? CallFunc() => _compiled["callFunc"].Evaluate(_env);

    [Benchmark(Description = "callMethod")]
    public object? CallMethod() => _compiled["callMethod"].Evaluate(_env);

    [Benchmark(Description = "callField")]
    public object? CallField() => _compiled["callField"].Evaluate(_env);

    [Benchmark(Description = "largeStructAccess")]
    public object? LargeStructAccess() => _compiled["largeStructAccess"].Evaluate(_env);

    [Benchmark(Description = "largeNestedStructAccess")]
    public object? LargeNestedStructAccess() => _compiled["largeNestedStructAccess"].Evaluate(_env);

    [Benchmark(Description = "largeNestedArrayAccess")]
    public object? LargeNestedArrayAccess() => _compiled["largeNestedArrayAccess"].Evaluate(_env);

    [Benchmark(Description = "sort")]
    public object? Sort() => _compiled["sort"].Evaluate(_env);

    [Benchmark(Description = "sortBy")]
    public object? SortBy() => _compiled["sortBy"].Evaluate(_env);

    [Benchmark(Description = "groupBy")]
    public object? GroupBy() => _compiled["groupBy"].Evaluate(_env);

    [Benchmark(Description = "reduce")]
    public object? Reduce() => _compiled["reduce"].Evaluate(_env);

    [Benchmark(Description = "min")]
    public object? Min() => _compiled["min"].Evaluate(_env);

    [Benchmark(Description = "max")]
    public object? Max() => _compiled["max"].Evaluate(_env);

    [Benchmark(Description = "mean")]
    public object? Mean() => _compiled["mean"].Evaluate(_env);

    [Benchmark(Description = "median")]
    public object? Median() => _compiled["median"].Evaluate(_env);
}
