using System.Text;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

public sealed class PromotionStepRegistryTests
{
    private sealed class NamedStep(string kind) : IPromotionStep
    {
        public string Kind { get; } = kind;

        public Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken) =>
            Task.FromResult(StepResult.Succeeded());
    }

    [Fact]
    public void CreateBuiltin_Kinds_AreEveryBuiltinStep()
    {
        var registry = PromotionStepRegistry.CreateBuiltin();
        Assert.Equal(
            ["compose-output", "copy", "delete", "fail", "file-write", "git-clear", "git-clone", "git-commit", "git-push", "git-tag", "http", "http-download", "json-parse", "json-update", "kustomize-set-image", "send-message", "set-freight-alias", "set-metadata", "tar", "toml-parse", "toml-update", "untar", "yaml-merge", "yaml-parse", "yaml-update"],
            registry.Kinds);
    }

    [Fact]
    public void CreateBuiltin_EveryStep_IsNamedAfterItsKind()
    {
        var registry = PromotionStepRegistry.CreateBuiltin();
        foreach (var kind in registry.Kinds)
        {
            Assert.True(registry.TryGet(kind, out var step));
            var pascal = new StringBuilder();
            foreach (var word in kind.Split('-'))
            {
                pascal.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
            }
            Assert.Equal(pascal + "Step", step.GetType().Name);
            Assert.True(step.GetType().IsSealed && !step.GetType().IsPublic, $"{step.GetType().Name} should be internal sealed");
        }
    }

    [Fact]
    public void Add_DuplicateKind_Throws()
    {
        var builder = new PromotionStepRegistryBuilder().Add(new NamedStep("x"));
        var ex = Assert.Throws<InvalidOperationException>(() => builder.Add(new NamedStep("x")));
        Assert.Contains("\"x\" is registered twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_BuiltinTwice_Throws()
    {
        var builder = new PromotionStepRegistryBuilder().AddBuiltinSteps();
        Assert.Throws<InvalidOperationException>(() => builder.AddBuiltinSteps());
    }

    [Fact]
    public void TryGet_UnknownKind_ReturnsFalse()
    {
        Assert.False(PromotionStepRegistry.CreateBuiltin().TryGet("git-open-pr", out _));
    }

    [Fact]
    public void Add_BlankKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PromotionStepRegistryBuilder().Add(new NamedStep(" ")));
    }
}
