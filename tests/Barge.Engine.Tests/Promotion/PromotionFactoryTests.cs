using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Promotion.PromotionScenario;

namespace Barge.Engine.Tests.Promotion;

public sealed class PromotionFactoryTests
{
    private static PromotionTask Task(string name, IEnumerable<ExpressionVariable> vars, params PromotionStep[] steps) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new PromotionTaskSpec { Vars = vars.ToList(), Steps = steps.ToList() },
    };

    private static PromotionStep TaskRef(string name, string? alias = null, params ExpressionVariable[] vars) =>
        new() { Task = new PromotionTaskReference { Name = name }, As = alias, Vars = vars.ToList() };

    [Fact]
    public async Task Create_Name_IsStageUlidAndFreightPrefixLowerCased()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("compose-output", config: new { a = "b" })]));
        var name = await CreateAsync(fixture);
        Assert.Matches("^dev\\.[0-9a-hjkmnp-tv-z]{26}\\.1111111$", name);
    }

    [Fact]
    public async Task Create_TaskInflation_AliasesAndReservedDefaults()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.PutAsync(Task("deploy", [], Step("compose-output", config: new { a = "1" }), Step("compose-output", "named", new { b = "2" })));
        await SetUpAsync(fixture, Stage([Step("compose-output", config: new { c = "3" }), TaskRef("deploy"), TaskRef("deploy", "second")]));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Freight = ReleaseFreight });
        Assert.Equal(
            ["step-1", "task-2::step-1", "task-2::named", "second::step-1", "second::named"],
            created.Promotion!.Spec!.Steps!.Select(s => s.As));
    }

    [Fact]
    public async Task Create_TaskVarWithoutValue_MissingValueError()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.PutAsync(Task("deploy", [Var("repo", "")], Step("compose-output", config: new { a = "1" })));
        await SetUpAsync(fixture, Stage([TaskRef("deploy")]));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Freight = ReleaseFreight });
        Assert.Contains(created.Errors, e => e.Contains("missing value for variable \"repo\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_UnknownTask_Error()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([TaskRef("nope")]));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Freight = ReleaseFreight });
        Assert.Contains(created.Errors, e => e.Contains("PromotionTask \"nope\" not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_VariablePrecedence_StageTemplateTaskDefaultReferenceInner()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var inner = Step("compose-output", "show", new { a = "${{ vars.a }}", b = "${{ vars.b }}", c = "${{ vars.c }}", d = "${{ vars.d }}", e = "${{ vars.e }}" })
            with { Vars = [Var("e", "inner")] };
        await fixture.PutAsync(Task("t", [Var("a", "task"), Var("b", "task"), Var("c", "task"), Var("d", "task"), Var("e", "task")], inner));
        var stage = Stage(
            [TaskRef("t", "deploy", Var("d", "ref"), Var("e", "ref"))],
            stageVars: [Var("a", "stage"), Var("b", "stage")],
            templateVars: [Var("b", "template")]);
        await SetUpAsync(fixture, stage);
        var name = await CreateAsync(fixture);
        var outcome = await fixture.Engine().RunOnceAsync("p", name);
        var shown = outcome.Status.State!["deploy::show"]!.AsObject();
        Assert.Equal("stage", shown["a"]!.GetValue<string>());
        Assert.Equal("template", shown["b"]!.GetValue<string>());
        Assert.Equal("task", shown["c"]!.GetValue<string>());
        Assert.Equal("ref", shown["d"]!.GetValue<string>());
        Assert.Equal("inner", shown["e"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ComposeOutputInTask_PropagatesToTaskAliasAndTaskOutputs()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.PutAsync(Task("t", [],
            Step("compose-output", "first", new { tag = "v1" }),
            Step("compose-output", "second", new { seen = "${{ task.outputs.first.tag }}" })));
        await SetUpAsync(fixture, Stage([TaskRef("t", "deploy"), Step("compose-output", "after", new { fromTask = "${{ outputs.deploy.seen }}" })]));
        var name = await CreateAsync(fixture);
        var outcome = await fixture.Engine().RunOnceAsync("p", name);
        Assert.Equal(PromotionPhase.Succeeded, outcome.Phase);
        Assert.Equal("v1", outcome.Status.State!["after"]!["fromTask"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_Context_ActorAliasOriginAndArtifacts()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("compose-output", "ctx", new
        {
            actor = "${{ ctx.meta.promotion.actor }}",
            alias = "${{ ctx.targetFreight.alias }}",
            origin = "${{ ctx.targetFreight.origin.name }}",
            kind = "${{ ctx.targetFreight.origin.kind }}",
            tag = "${{ ctx.targetFreight.images[0].Tag }}",
            stepAlias = "${{ ctx.meta.step.alias }}",
            promotion = "${{ ctx.promotion }}",
        })]));
        var name = await CreateAsync(fixture, actor: "email:alice@example.com");
        var state = (await fixture.Engine().RunOnceAsync("p", name)).Status.State!["ctx"]!.AsObject();
        Assert.Equal("alice@example.com", state["actor"]!.GetValue<string>());
        Assert.Equal("brave-eagle", state["alias"]!.GetValue<string>());
        Assert.Equal("release", state["origin"]!.GetValue<string>());
        Assert.Equal("Warehouse", state["kind"]!.GetValue<string>());
        Assert.Equal("v1.4.0", state["tag"]!.GetValue<string>());
        Assert.Equal("ctx", state["stepAlias"]!.GetValue<string>());
        Assert.Equal(name, state["promotion"]!.GetValue<string>());
        var stored = await fixture.GetPromotionAsync(name);
        Assert.Equal("email:alice@example.com", stored.Metadata.Annotations!["kargo.akuity.io/create-actor"]);
    }

    [Fact]
    public async Task Create_TwoOrigins_CollectionCarriesOtherOriginFromLastPromotion()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var stage = Stage([Step("compose-output", config: new { a = "b" })], origins: ["release", "dev"]);
        var previous = new FreightReference { Name = DevFreight, Origin = new Barge.Resources.Model.FreightOrigin { Kind = "Warehouse", Name = "dev" } };
        await fixture.PutAsync(stage, new StageStatus
        {
            LastPromotion = new PromotionReference
            {
                Name = "dev.old",
                Status = new PromotionStatus { FreightCollection = new FreightCollection { Items = new() { ["Warehouse/dev"] = previous } } },
            },
        });
        await fixture.PutAsync(Warehouse("release"));
        await fixture.PutAsync(Warehouse("dev"));
        await fixture.PutAsync(Freight(ReleaseFreight, "release", new string('a', 40), "v1.4.0", "brave-eagle"));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Freight = ReleaseFreight });
        var collection = created.Promotion!.Status!.FreightCollection!;
        Assert.Equal(["Warehouse/dev", "Warehouse/release"], collection.Items!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FreightCollections.IdOf(collection.Items.Values), collection.Id);
    }

    [Fact]
    public async Task Create_ByWarehouse_PicksNewestAvailableFreight()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("compose-output", config: new { a = "b" })], origins: ["release", "dev"]));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Warehouse = "dev" });
        Assert.Equal(DevFreight, created.Promotion!.Spec!.Freight);
        var byAlias = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { FreightAlias = "brave-eagle" });
        Assert.Equal(ReleaseFreight, byAlias.Promotion!.Spec!.Freight);
    }

    [Fact]
    public async Task Create_FreightNotRequestedByStage_NotAvailableError()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("compose-output", config: new { a = "b" })]));
        var created = await fixture.Factory().BuildAsync(new PromotionRequest("p", "dev") { Freight = DevFreight });
        var error = Assert.Single(created.Errors);
        Assert.StartsWith($"Freight \"{DevFreight}\" is not available to Stage \"dev\" in project \"p\": ", error, StringComparison.Ordinal);
        Assert.Contains("does not request Freight from Warehouse/", error, StringComparison.Ordinal);
    }
}
