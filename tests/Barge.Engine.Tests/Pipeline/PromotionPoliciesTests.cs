using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class PromotionPoliciesTests
{
    [Theory]
    [InlineData("exact name", "dev", "dev", true)]
    [InlineData("exact name is not a prefix", "dev", "dev-eu", false)]
    [InlineData("regex is unanchored like Go MatchString", "regex:ev", "dev-eu", true)]
    [InlineData("regex anchored", "regex:^dev$", "dev-eu", false)]
    [InlineData("regexp prefix", "regexp:^(dev|qa)-", "qa-1", true)]
    [InlineData("regex with Go named group", "regex:^(?P<env>dev)", "dev", true)]
    [InlineData("glob star", "glob:dev-*", "dev-eu", true)]
    [InlineData("glob is anchored", "glob:dev-*", "xdev-eu", false)]
    [InlineData("glob alternatives", "glob:{dev,qa}-?", "qa-1", true)]
    [InlineData("glob class", "glob:dev-[0-9]", "dev-a", false)]
    [InlineData("glob doublestar", "glob:**-eu", "dev-eu", true)]
    [InlineData("pathological regex stays linear", "regex:^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", false)]
    public void Find_StageSelectorName_MatchesLikeKargo(string name, string pattern, string stage, bool matches)
    {
        Assert.NotEmpty(name);
        var lookup = PromotionPolicies.Find(Policies(AutoFor(pattern)), Stage(stage, Direct("grommet-dev")));

        Assert.Null(lookup.Error);
        Assert.Equal(matches, lookup.Policy is not null);
    }

    [Theory]
    [InlineData("matchLabels hit", "tier", "web", true)]
    [InlineData("matchLabels miss", "tier", "db", false)]
    public void Find_MatchLabels_SelectsByLabels(string name, string key, string value, bool matches)
    {
        Assert.NotEmpty(name);
        var policy = new PromotionPolicy
        {
            StageSelector = new PromotionPolicySelector { MatchLabels = new() { [key] = value } },
            AutoPromotionEnabled = true,
        };

        var lookup = PromotionPolicies.Find(Policies(policy), Stage("dev", Direct("grommet-dev")).WithLabels(("tier", "web")));

        Assert.Equal(matches, lookup.AutoPromotionEnabled);
    }

    [Theory]
    [InlineData("In", "web,api", true)]
    [InlineData("NotIn", "web", false)]
    [InlineData("Exists", "", true)]
    [InlineData("DoesNotExist", "", false)]
    public void Find_MatchExpressions_SetBasedRequirements(string op, string values, bool matches)
    {
        var policy = new PromotionPolicy
        {
            StageSelector = new PromotionPolicySelector
            {
                MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = op, Values = values.Length == 0 ? null : [.. values.Split(',')] }],
            },
            AutoPromotionEnabled = true,
        };

        var lookup = PromotionPolicies.Find(Policies(policy), Stage("dev", Direct("grommet-dev")).WithLabels(("tier", "web")));

        Assert.Equal(matches, lookup.Policy is not null);
    }

    [Fact]
    public void Find_NameAndLabels_BothMustMatch()
    {
        var policy = new PromotionPolicy
        {
            StageSelector = new PromotionPolicySelector { Name = "glob:dev*", MatchLabels = new() { ["tier"] = "web" } },
            AutoPromotionEnabled = true,
        };
        var config = Policies(policy);

        Assert.NotNull(PromotionPolicies.Find(config, Stage("dev", Direct("w")).WithLabels(("tier", "web"))).Policy);
        Assert.Null(PromotionPolicies.Find(config, Stage("dev", Direct("w")).WithLabels(("tier", "db"))).Policy);
        Assert.Null(PromotionPolicies.Find(config, Stage("prod", Direct("w")).WithLabels(("tier", "web"))).Policy);
    }

    [Fact]
    public void Find_SeveralMatch_FirstPolicyWinsEvenIfDisabled()
    {
        var disabled = new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "dev" } };

        var lookup = PromotionPolicies.Find(Policies(disabled, AutoFor("glob:*")), Stage("dev", Direct("w")));

        Assert.Same(disabled, lookup.Policy);
        Assert.False(lookup.AutoPromotionEnabled);
    }

    [Fact]
    public void Find_DeprecatedStageField_MatchesByExactName()
    {
        var policy = new PromotionPolicy { Stage = "dev", AutoPromotionEnabled = true };

        Assert.True(PromotionPolicies.Find(Policies(policy), Stage("dev", Direct("w"))).AutoPromotionEnabled);
    }

    [Fact]
    public void Find_NoProjectConfig_AutoPromotionOff()
    {
        var lookup = PromotionPolicies.Find(null, Stage("dev", Direct("w")));

        Assert.Null(lookup.Policy);
        Assert.False(lookup.AutoPromotionEnabled);
    }

    [Theory]
    [InlineData("unclosed brace", "glob:{dev,qa")]
    [InlineData("unclosed class", "glob:dev-[")]
    [InlineData("dangling escape", "glob:dev\\")]
    public void Find_InvalidGlob_ErrorNamesThePolicy(string name, string pattern)
    {
        Assert.NotEmpty(name);

        var lookup = PromotionPolicies.Find(Policies(AutoFor(pattern)), Stage("dev", Direct("w")));

        Assert.StartsWith("ProjectConfig \"grommet\" spec.promotionPolicies[0].stageSelector.name: invalid glob pattern", lookup.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_InvalidRegex_ErrorNamesThePolicy()
    {
        var lookup = PromotionPolicies.Find(Policies(AutoFor("dev-*"), AutoFor("regex:(")), Stage("dev", Direct("w")));

        Assert.False(lookup.AutoPromotionEnabled);
        Assert.StartsWith("ProjectConfig \"grommet\" spec.promotionPolicies[1].stageSelector.name: invalid regular expression \"(\"", lookup.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoPromotes_OriginsExtension_OnlyTheListedWarehouses()
    {
        var lookup = PromotionPolicies.Find(Policies(AutoFor("dev", "grommet-dev")), Stage("dev", Direct("grommet-dev"), Direct("grommet-release")));

        Assert.True(lookup.AutoPromotes(Warehouse("grommet-dev")));
        Assert.False(lookup.AutoPromotes(Warehouse("grommet-release")));
    }

    [Fact]
    public void AutoPromotes_NoOrigins_EveryOrigin()
    {
        var lookup = PromotionPolicies.Find(Policies(AutoFor("dev")), Stage("dev", Direct("grommet-dev")));

        Assert.True(lookup.AutoPromotes(Warehouse("anything")));
    }
}
