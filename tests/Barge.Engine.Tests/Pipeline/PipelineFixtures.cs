using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Microsoft.Extensions.Time.Testing;

namespace Barge.Engine.Tests.Pipeline;

using Promotion = Barge.Resources.Model.Promotion;

/// <summary>Terse builders for the resources the pipeline rules read.</summary>
internal static class PipelineFixtures
{
    public const string ProjectName = "grommet";

    public static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    public static FreightOrigin Warehouse(string name) => new() { Kind = "Warehouse", Name = name };

    public static FreightRequest Direct(string warehouse) => new() { Origin = Warehouse(warehouse), Sources = new FreightSources { Direct = true } };

    public static FreightRequest From(string warehouse, params string[] upstream) =>
        new() { Origin = Warehouse(warehouse), Sources = new FreightSources { Stages = [.. upstream] } };

    public static FreightRequest With(this FreightRequest request, string? soak = null, string? strategy = null, AutoPromotionSelectionPolicy? selection = null) =>
        request with
        {
            Sources = request.Sources! with
            {
                RequiredSoakTime = soak ?? request.Sources!.RequiredSoakTime,
                AvailabilityStrategy = strategy ?? request.Sources.AvailabilityStrategy,
                AutoPromotionOptions = selection is null ? request.Sources.AutoPromotionOptions : new AutoPromotionOptions { SelectionPolicy = selection },
            },
        };

    public static Stage Stage(string name, params FreightRequest[] requests) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ProjectName, Generation = 1 },
        Spec = new StageSpec
        {
            RequestedFreight = [.. requests],
            PromotionTemplate = new PromotionTemplate { Spec = new PromotionTemplateSpec { Steps = [new PromotionStep { Uses = "git-clone" }] } },
        },
        Status = new StageStatus(),
    };

    public static Stage WithStatus(this Stage stage, Func<StageStatus, StageStatus> change) => stage with { Status = change(stage.Status ?? new StageStatus()) };

    public static Stage WithLabels(this Stage stage, params (string Key, string Value)[] labels) =>
        stage with { Metadata = stage.Metadata with { Labels = labels.ToDictionary(l => l.Key, l => l.Value) } };

    public static Stage WithAnnotation(this Stage stage, string key, string value) =>
        stage with { Metadata = stage.Metadata with { Annotations = new Dictionary<string, string>(stage.Metadata.Annotations ?? []) { [key] = value } } };

    public static Freight Freight(string name, string warehouse, DateTimeOffset? discoveredAt = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ProjectName, CreationTimestamp = Start },
        Origin = Warehouse(warehouse),
        DiscoveredAt = discoveredAt,
        Commits = [new GitCommit { RepoURL = "https://git.example.com/grommet.git", Id = name }],
    };

    public static Freight VerifiedIn(this Freight freight, string stage, DateTimeOffset? at = null, string? longestSoak = null) =>
        freight with
        {
            Status = (freight.Status ?? new FreightStatus()) with
            {
                VerifiedIn = new Dictionary<string, VerifiedStage>(freight.Status?.VerifiedIn ?? [])
                {
                    [stage] = new VerifiedStage { VerifiedAt = at ?? Start, LongestSoak = longestSoak },
                },
            },
        };

    public static Freight CurrentlyIn(this Freight freight, string stage, DateTimeOffset? since = null) =>
        freight with
        {
            Status = (freight.Status ?? new FreightStatus()) with
            {
                CurrentlyIn = new Dictionary<string, CurrentStage>(freight.Status?.CurrentlyIn ?? []) { [stage] = new CurrentStage { Since = since ?? Start } },
            },
        };

    public static Freight ApprovedFor(this Freight freight, string stage) =>
        freight with
        {
            Status = (freight.Status ?? new FreightStatus()) with
            {
                ApprovedFor = new Dictionary<string, ApprovedStage>(freight.Status?.ApprovedFor ?? []) { [stage] = new ApprovedStage { ApprovedAt = Start } },
            },
        };

    public static FreightReference Ref(string name, string warehouse) => new() { Name = name, Origin = Warehouse(warehouse) };

    public static FreightCollection Collection(params FreightReference[] references) => FreightCollections.UpdateOrPush(null, references);

    public static Promotion Promo(string name, string stage, string freight, PromotionPhase? phase, string warehouse = "grommet-dev") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ProjectName, CreationTimestamp = Start },
        Spec = new PromotionSpec { Stage = stage, Freight = freight },
        Status = phase is null ? null : new PromotionStatus { Phase = phase, Freight = Ref(freight, warehouse) },
    };

    public static Promotion Annotated(this Promotion promotion, string key, string value) =>
        promotion with
        {
            Metadata = promotion.Metadata with { Annotations = new Dictionary<string, string>(promotion.Metadata.Annotations ?? []) { [key] = value } },
        };

    /// <summary>A terminal Promotion as the engine leaves it: started, finished, with the collection it built.</summary>
    public static Promotion Finished(this Promotion promotion, FreightCollection collection) =>
        promotion with
        {
            Status = promotion.Status! with { StartedAt = Start, FinishedAt = Start.AddSeconds(1), FreightCollection = collection },
        };

    public static ProjectConfig Policies(params PromotionPolicy[] policies) => new()
    {
        Metadata = new ObjectMeta { Name = ProjectName, Namespace = ProjectName },
        Spec = new ProjectConfigSpec { PromotionPolicies = [.. policies] },
    };

    public static PromotionPolicy AutoFor(string selectorName, params string[] origins) => new()
    {
        StageSelector = new PromotionPolicySelector { Name = selectorName },
        AutoPromotionEnabled = true,
        Origins = origins.Length == 0 ? null : [.. origins.Select(Warehouse)],
    };
}
