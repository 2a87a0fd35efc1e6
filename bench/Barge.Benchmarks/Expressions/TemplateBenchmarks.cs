using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Barge.Expressions;
using Barge.Expressions.Templates;

namespace Barge.Benchmarks.Expressions;

/// <summary>
/// The compile cost Kargo pays per evaluation (parse + check + compile of the MOW expression), and a
/// promotion step's configuration: 30 strings of which 10 hold expressions, evaluated as a JSON tree.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private const string Mow = """(Origin == "MOW" || Country == "RU") && (Value >= 100 || Adults == 1)""";

    private readonly TemplateEvaluator _templates = new();
    private JsonNode _config = null!;
    private Dictionary<string, object?> _env = null!;

    [GlobalSetup]
    public void Setup()
    {
        _env = (Dictionary<string, object?>)ExprJson.Parse("""
            {
              "ctx": {"project": "grommet", "stage": "prod", "promotion": "prod.01j", "targetFreight": {"name": "abc123", "origin": {"name": "releases"}}},
              "vars": {"gitRepo": "https://git.example.com/grommet.git", "imageRepo": "registry.example.com/grommet", "branch": "main", "replicas": 3},
              "outputs": {"commit": {"commit": "0123456789abcdef"}, "clone": {"path": "./src"}}
            }
            """)!;
        var config = new JsonObject();
        var expressions = new[]
        {
            "${{ vars.gitRepo }}",
            "./out/${{ ctx.stage }}",
            "${{ ctx.targetFreight.origin.name == 'releases' ? 'stable' : 'edge' }}",
            "${{ vars.imageRepo }}:${{ ctx.targetFreight.name }}",
            "${{ vars.replicas * 2 }}",
            "Promote ${{ ctx.targetFreight.name }} now",
            "${{ outputs.commit.commit }}",
            "${{ upper(ctx.project) }}",
            "${{ vars.branch ?? 'main' }}",
        };
        for (var i = 0; i < 30; i++)
        {
            config["key" + i] = i < expressions.Length ? expressions[i] : "plain value " + i;
        }
        _config = config;
    }

    [Benchmark]
    public CompiledExpression ParseAndCompileMow() => Expr.Compile(Mow);

    [Benchmark]
    public JsonNode? StepConfig30Strings10Expressions() => _templates.EvaluateTree(_config, _env);
}
