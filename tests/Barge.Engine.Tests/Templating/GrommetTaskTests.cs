using System.Text.Json.Nodes;
using Barge.Engine.Tests.Promotion;
using Barge.Resources.Model;
using Barge.Testing;
using Xunit;
using static Barge.Engine.Tests.Promotion.PromotionScenario;

namespace Barge.Engine.Tests.Templating;

/// <summary>
/// The grommet scenario's shared task, with file steps: one PromotionTask writes the origin's commit,
/// image tag and <c>source: &lt;origin&gt;</c> into values.yaml, whichever Warehouse the Freight came from.
/// </summary>
public sealed class GrommetTaskTests
{
    private const string Values = "# grommet values\nsource: none # which Warehouse\nimage:\n  tag: \"0.0.0\"\ncommit: none\n";

    private static PromotionTask Task() => new()
    {
        Metadata = new ObjectMeta { Name = "deploy-grommet", Namespace = "p" },
        Spec = new PromotionTaskSpec
        {
            Vars = [Var("gitRepo", GitRepo), Var("imageRepo", ImageRepo)],
            Steps =
            [
                new PromotionStep { Uses = "scripted", As = "checkout", Config = JsonNode.Parse($$$"""{"id":"checkout","write":{"path":"config/env/dev/values.yaml","content":{{{System.Text.Json.JsonSerializer.Serialize(Values)}}}}}""") },
                new PromotionStep
                {
                    Uses = "yaml-update",
                    As = "update",
                    Config = JsonNode.Parse("""
                        {"path":"config/env/dev/values.yaml","updates":[
                          {"key":"source","value":"${{ ctx.targetFreight.origin.name }}"},
                          {"key":"image.tag","value":"${{ imageFrom(vars.imageRepo, warehouse(ctx.targetFreight.origin.name)).Tag }}"},
                          {"key":"commit","value":"${{ commitFrom(vars.gitRepo, warehouse(ctx.targetFreight.origin.name)).ID }}"}]}
                        """),
                },
            ],
        },
    };

    [Theory]
    [InlineData("release", ReleaseFreight, "grommet-release", "v1.4.0", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("dev", DevFreight, "grommet-dev", "dev-42", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    public async Task Promote_FreightFromEitherWarehouse_WritesThatOriginsValues(string row, string freight, string origin, string tag, string commit)
    {
        Assert.NotEmpty(row);
        using var outDir = new TempDirectory("grommet-out");
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.PutAsync(Task());
        var stage = Stage(
            [
                new PromotionStep { Task = new PromotionTaskReference { Name = "deploy-grommet" }, As = "deploy" },
                new PromotionStep { Uses = "scripted", Config = JsonNode.Parse($$$"""{"id":"export","export":{"path":"config/env/dev/values.yaml","to":{{{System.Text.Json.JsonSerializer.Serialize(outDir.Combine("values.yaml"))}}}}}""") },
            ],
            origins: ["grommet-release", "grommet-dev"]);
        await fixture.PutAsync(stage);
        await fixture.PutAsync(Warehouse("grommet-release"));
        await fixture.PutAsync(Warehouse("grommet-dev"));
        await fixture.PutAsync(Freight(ReleaseFreight, "grommet-release", new string('a', 40), "v1.4.0", "brave-eagle"));
        await fixture.PutAsync(Freight(DevFreight, "grommet-dev", new string('b', 40), "dev-42", "calm-otter"));
        var name = await CreateAsync(fixture, freight);
        var outcome = await fixture.Engine(EngineFixture.Registry(new ScriptedStep(fixture.Time))).RunOnceAsync("p", name);
        Assert.True(outcome.Phase == PromotionPhase.Succeeded, outcome.Message);
        Assert.Equal(
            $"# grommet values\nsource: {origin} # which Warehouse\nimage:\n  tag: {tag}\ncommit: {commit}\n",
            File.ReadAllText(outDir.Combine("values.yaml")));
    }

    [Fact]
    public async Task Promote_TaskWithoutOrigin_ErroredWithDisambiguationError()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var stage = Stage(
            [Step("compose-output", "commit", new { id = "${{ commitFrom('" + GitRepo + "').ID }}" })],
            origins: ["release", "dev"]);
        await SetUpAsync(fixture, stage);
        var outcome = await fixture.Engine().RunOnceAsync("p", await CreateAsync(fixture));
        Assert.Equal(PromotionPhase.Errored, outcome.Phase);
        Assert.Contains("please update promotion steps to disambiguate", outcome.Message, StringComparison.Ordinal);
    }
}
