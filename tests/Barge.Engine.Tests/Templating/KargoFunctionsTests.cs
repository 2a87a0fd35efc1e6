using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Engine.Templating;
using Barge.Engine.Tests.Promotion;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Promotion.PromotionScenario;

namespace Barge.Engine.Tests.Templating;

public sealed class KargoFunctionsTests
{
    /// <summary>Runs one compose-output step whose <c>v</c> is <paramref name="template"/>; returns the outcome.</summary>
    private static async Task<PromotionRunOutcome> EvaluateAsync(string template, string[] origins, string freight = ReleaseFreight, Func<EngineFixture, Task>? more = null)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("compose-output", "show", new { v = template })], origins: origins));
        if (more is not null)
        {
            await more(fixture);
        }
        var name = await CreateAsync(fixture, freight);
        return await fixture.Engine().RunOnceAsync("p", name);
    }

    private static JsonNode? Shown(PromotionRunOutcome outcome) => outcome.Status.State!["show"]!["v"];

    [Theory]
    [InlineData("commitWithOrigin", "${{ commitFrom('" + GitRepo + "', warehouse('release')).ID }}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("commitUrlNormalised", "${{ commitFrom('https://GIT.example.com/grommet', warehouse(ctx.targetFreight.origin.name)).Tag }}", "v1.4.0")]
    [InlineData("imageWithOrigin", "${{ imageFrom('" + ImageRepo + "', warehouse('release')).Tag }}", "v1.4.0")]
    [InlineData("messageField", "${{ commitFrom('" + GitRepo + "', warehouse('release')).Message }}", "Release v1.4.0")]
    [InlineData("imageOtherRepoNil", "${{ imageFrom('registry.example.com/other') == nil }}", "true")]
    [InlineData("absentOriginInCollectionNil", "${{ imageFrom('" + ImageRepo + "', warehouse('dev')) == nil }}", "true")]
    [InlineData("semverDiffMinor", "${{ semverDiff('1.2.3', 'v1.3.0') }}", "Minor")]
    [InlineData("semverDiffPrereleaseIgnored", "${{ semverDiff('1.2.3-rc.1', '1.2.3') }}", "None")]
    [InlineData("semverDiffIncomparable", "${{ semverDiff('x', '1.2.3') }}", "Incomparable")]
    [InlineData("semverParse", "${{ semverParse('v1.4.0').IncMinor().String() }}", "1.5.0")]
    [InlineData("semverParseMajor", "${{ semverParse('v1.4.0').Major() + 1 }}", "2")]
    [InlineData("successInConfig", "${{ success() }}", "true")]
    public async Task Function_WithTwoOrigins_Value(string row, string template, string expected)
    {
        Assert.NotEmpty(row);
        var outcome = await EvaluateAsync(template, ["release", "dev"]);
        Assert.Equal(PromotionPhase.Succeeded, outcome.Phase);
        Assert.Equal(expected, Shown(outcome)!.ToJsonString().Trim('"'));
    }

    [Theory]
    [InlineData("commit", "${{ commitFrom('" + GitRepo + "').ID }}", "multiple requested Freight could potentially provide a commit from repo " + GitRepo + "; please update promotion steps to disambiguate")]
    [InlineData("image", "${{ imageFrom('" + ImageRepo + "').Tag }}", "multiple requested Freight could potentially provide a container image from repository " + ImageRepo + ": please provide a Freight origin to disambiguate")]
    [InlineData("chartMissing", "${{ chartFrom('oci://charts.example.com/grommet') }}", "chart from repo oci://charts.example.com/grommet not found in referenced Freight")]
    [InlineData("emptyWarehouse", "${{ warehouse('') }}", "name must not be empty")]
    [InlineData("emptyFreightName", "${{ freightMetadata('') }}", "freight ref name must not be empty")]
    [InlineData("badSemver", "${{ semverParse('nope') }}", "invalid semantic version")]
    public async Task Function_Error_PromotionErroredWithKargoText(string row, string template, string expected)
    {
        Assert.NotEmpty(row);
        var outcome = await EvaluateAsync(template, ["release", "dev"]);
        Assert.Equal(PromotionPhase.Errored, outcome.Phase);
        Assert.Contains(expected, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitFrom_SingleOriginWithoutOrigin_Found()
    {
        var outcome = await EvaluateAsync("${{ commitFrom('" + GitRepo + "').ID }}", ["release"]);
        Assert.Equal(new string('a', 40), Shown(outcome)!.GetValue<string>());
    }

    [Fact]
    public async Task DataFunctions_ConfigMapSecretAndMetadata_FromStore()
    {
        var outcome = await EvaluateAsync(
            "${{ configMap('settings').env + '/' + secret('token').value + '/' + string(configMap('missing')) + '/' + string(freightMetadata('" + ReleaseFreight + "')) }}",
            ["release"],
            more: async fixture =>
            {
                await fixture.PutAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "settings", Namespace = "p" }, Data = new() { ["env"] = "dev" } });
                await fixture.PutAsync(new Secret { Metadata = new ObjectMeta { Name = "token", Namespace = "p" }, Data = new() { ["value"] = Convert.ToBase64String("s3cret"u8.ToArray()) } });
            });
        Assert.Equal("dev/s3cret/map[]/<nil>", Shown(outcome)!.GetValue<string>());
    }

    [Fact]
    public async Task SetMetadata_ThenStageMetadata_ReadBack()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([
            Step("set-metadata", config: new { updates = new[] { new { kind = "Stage", name = "dev", values = new { deployed = "v1.4.0" } } } }),
            Step("compose-output", "show", new { v = "${{ stageMetadata('dev').deployed }}" }),
        ]));
        var name = await CreateAsync(fixture);
        var outcome = await fixture.Engine().RunOnceAsync("p", name);
        Assert.Equal("v1.4.0", Shown(outcome)!.GetValue<string>());
    }

    [Fact]
    public async Task SetFreightAlias_TakenAlias_FailedAndFreeAlias_Updated()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([
            Step("set-freight-alias", config: new { name = ReleaseFreight, alias = "calm-otter" }),
            Step("set-freight-alias", "free", new { name = ReleaseFreight, alias = "release-1" }) with { If = "${{ always() }}" },
        ]));
        var name = await CreateAsync(fixture);
        var outcome = await fixture.Engine().RunOnceAsync("p", name);
        Assert.Equal(PromotionPhase.Failed, outcome.Phase);
        Assert.Contains("alias \"calm-otter\" is already used by Freight", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("updated alias of Freight \"" + ReleaseFreight + "\" from \"brave-eagle\" to \"release-1\"", outcome.Status.StepExecutionMetadata![1].Message);
    }

    [Theory]
    [InlineData("noMessage", null, "failed")]
    [InlineData("message", "stop here", "failed: stop here")]
    public async Task Fail_Always_TerminalFailed(string row, string? message, string expected)
    {
        Assert.NotEmpty(row);
        await using var fixture = await EngineFixture.CreateAsync();
        await SetUpAsync(fixture, Stage([Step("fail", config: message is null ? null : new { message })]));
        var outcome = await fixture.Engine().RunOnceAsync("p", await CreateAsync(fixture));
        Assert.Equal(PromotionPhase.Failed, outcome.Phase);
        Assert.Equal(expected, outcome.Message);
    }

    [Fact]
    public void Actor_FromAnnotation_KargoForms()
    {
        Assert.Equal("alice@x.io", Actors.FromAnnotation("email:alice@x.io"));
        Assert.Equal("system:serviceaccount:x", Actors.FromAnnotation("kubernetes:system:serviceaccount:x"));
        Assert.Equal("admin", Actors.FromAnnotation("admin"));
        Assert.Equal("", Actors.FromAnnotation("unknown actor"));
        Assert.Equal("", Actors.FromAnnotation(null));
    }

    [Fact]
    public void StatusOf_InsideTask_ResolvesInTaskNamespace()
    {
        var scope = new StepScope();
        scope.Enter("task-1::b", [
            new StepExecutionMetadata { Alias = "a", Status = Barge.Resources.Model.StepStatus.Failed },
            new StepExecutionMetadata { Alias = "task-1::a", Status = Barge.Resources.Model.StepStatus.Succeeded },
        ]);
        Assert.Equal("Succeeded", scope.StatusOf("a"));
        scope.Enter("top", [new StepExecutionMetadata { Alias = "task-1::a", Status = Barge.Resources.Model.StepStatus.Succeeded }]);
        Assert.Equal("", scope.StatusOf("a"));
    }
}
