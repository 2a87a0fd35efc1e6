using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Resources.Model;

namespace Barge.Engine.Tests.Promotion;

/// <summary>Resources for engine tests: project "p", Warehouses "release" and "dev" on one repository, Freight from each.</summary>
internal static class PromotionScenario
{
    public const string GitRepo = "https://git.example.com/grommet.git";
    public const string ImageRepo = "registry.example.com/grommet";
    public const string ReleaseFreight = "1111111111111111111111111111111111111111";
    public const string DevFreight = "2222222222222222222222222222222222222222";

    public static PromotionStep Step(string uses, string? alias = null, object? config = null) => new()
    {
        Uses = uses,
        As = alias,
        Config = config is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(config),
    };

    public static PromotionStep Scripted(string id, string? alias = null, string? @if = null, bool continueOnError = false, JsonObject? extra = null, PromotionStepRetry? retry = null)
    {
        var config = extra ?? [];
        config["id"] = id;
        return new PromotionStep { Uses = "scripted", As = alias, If = @if, ContinueOnError = continueOnError, Config = config, Retry = retry };
    }

    public static ExpressionVariable Var(string name, string value) => new() { Name = name, Value = value };

    public static Stage Stage(IEnumerable<PromotionStep> steps, IEnumerable<ExpressionVariable>? stageVars = null, IEnumerable<ExpressionVariable>? templateVars = null, params string[] origins) => new()
    {
        Metadata = new ObjectMeta { Name = "dev", Namespace = "p" },
        Spec = new StageSpec
        {
            Vars = stageVars?.ToList(),
            RequestedFreight = (origins.Length == 0 ? ["release"] : origins).Select(o => new FreightRequest
            {
                Origin = new Barge.Resources.Model.FreightOrigin { Kind = "Warehouse", Name = o },
                Sources = new FreightSources { Direct = true },
            }).ToList(),
            PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Vars = templateVars?.ToList(), Steps = steps.ToList() } },
        },
    };

    public static Warehouse Warehouse(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new WarehouseSpec
        {
            Subscriptions =
            [
                new RepoSubscription { Git = new GitSubscription { RepoURL = GitRepo } },
                new RepoSubscription { Image = new ImageSubscription { RepoURL = ImageRepo } },
            ],
        },
    };

    public static Freight Freight(string name, string origin, string commit, string tag, string alias) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p", Labels = new() { ["kargo.akuity.io/alias"] = alias } },
        Alias = alias,
        Origin = new Barge.Resources.Model.FreightOrigin { Kind = "Warehouse", Name = origin },
        Commits = [new GitCommit { RepoURL = GitRepo, Id = commit, Tag = tag, Message = "Release " + tag }],
        Images = [new Image { RepoURL = ImageRepo, Tag = tag, Digest = "sha256:" + new string('d', 64) }],
    };

    /// <summary>Stores the Stage, both Warehouses and both Freight.</summary>
    public static async Task SetUpAsync(EngineFixture fixture, Stage stage)
    {
        await fixture.PutAsync(stage);
        await fixture.PutAsync(Warehouse("release"));
        await fixture.PutAsync(Warehouse("dev"));
        await fixture.PutAsync(Freight(ReleaseFreight, "release", new string('a', 40), "v1.4.0", "brave-eagle"));
        await fixture.PutAsync(Freight(DevFreight, "dev", new string('b', 40), "dev-42", "calm-otter"));
    }

    /// <summary>Creates a Promotion of <paramref name="freight"/> into Stage "dev" and returns its name.</summary>
    public static async Task<string> CreateAsync(EngineFixture fixture, string freight = ReleaseFreight, string actor = "")
    {
        var created = await fixture.Factory().CreateAsync(new PromotionRequest("p", "dev") { Freight = freight, Actor = actor });
        Xunit.Assert.True(created.Succeeded, string.Join("\n", created.Errors));
        return created.Promotion!.Name;
    }
}
