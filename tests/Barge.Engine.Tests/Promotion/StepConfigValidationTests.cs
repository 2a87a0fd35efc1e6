using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

/// <summary>Configuration errors of the built-in steps, with Kargo's schema wording (kargo-steps.md §1.3 and each step's vectors).</summary>
public sealed class StepConfigValidationTests
{
    private static readonly PromotionStepRegistry Registry = PromotionStepRegistry.CreateBuiltin();

    [Theory]
    [InlineData("yaml-update: empty config", "yaml-update", "{}", "(root): path is required|(root): updates is required")]
    [InlineData("yaml-update: empty path", "yaml-update", """{"path":"","updates":[{"key":"a","value":1}]}""", "path: String length must be greater than or equal to 1")]
    [InlineData("yaml-update: no updates", "yaml-update", """{"path":"v.yaml","updates":[]}""", "updates: Array must have at least 1 items")]
    [InlineData("yaml-update: empty update", "yaml-update", """{"path":"v.yaml","updates":[{}]}""", "updates.0: key is required|updates.0: value is required")]
    [InlineData("yaml-update: empty key", "yaml-update", """{"path":"v.yaml","updates":[{"key":"","value":1}]}""", "updates.0.key: String length must be greater than or equal to 1")]
    [InlineData("yaml-update: unknown property", "yaml-update", """{"path":"v.yaml","updates":[{"key":"a","value":1}],"bogus":1}""", "(root): Additional property bogus is not allowed")]
    [InlineData("yaml-update: unknown update property", "yaml-update", """{"path":"v.yaml","updates":[{"key":"a","value":1,"x":2}]}""", "updates.0: Additional property x is not allowed")]
    [InlineData("yaml-update: updates not an array", "yaml-update", """{"path":"v.yaml","updates":"x"}""", "updates: Invalid type. Expected: array, given: string")]
    [InlineData("json-update: path a number", "json-update", """{"path":5,"updates":[{"key":"a","value":1}]}""", "path: Invalid type. Expected: string, given: integer")]
    [InlineData("toml-update: update not an object", "toml-update", """{"path":"c.toml","updates":[3.5]}""", "updates.0: Invalid type. Expected: object, given: number")]
    [InlineData("yaml-merge: no inFiles", "yaml-merge", """{"inFiles":[],"outFile":"o.yaml"}""", "inFiles: Array must have at least 1 items")]
    [InlineData("yaml-merge: no outFile", "yaml-merge", """{"inFiles":["a.yaml"]}""", "(root): outFile is required")]
    [InlineData("yaml-merge: empty outFile", "yaml-merge", """{"inFiles":["a.yaml"],"outFile":""}""", "outFile: String length must be greater than or equal to 1")]
    [InlineData("kustomize-set-image: empty config", "kustomize-set-image", "{}", "(root): path is required")]
    [InlineData("kustomize-set-image: empty image", "kustomize-set-image", """{"path":".","images":[{}]}""", "images.0: image is required")]
    [InlineData("kustomize-set-image: image empty string", "kustomize-set-image", """{"path":".","images":[{"image":"","tag":"1"}]}""", "images.0.image: String length must be greater than or equal to 1")]
    [InlineData("kustomize-set-image: neither tag nor digest", "kustomize-set-image", """{"path":".","images":[{"image":"nginx"}]}""", "images.0: Must validate one and only one schema (oneOf)")]
    [InlineData("kustomize-set-image: tag and digest", "kustomize-set-image", """{"path":".","images":[{"image":"nginx","tag":"1","digest":"sha256:a"}]}""", "images.0: Must validate one and only one schema (oneOf)")]
    [InlineData("delete: neither path nor paths", "delete", "{}", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("delete: both path and paths", "delete", """{"path":"a","paths":["b"]}""", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("delete: empty paths", "delete", """{"paths":[]}""", "paths: Array must have at least 1 items")]
    [InlineData("delete: empty path item", "delete", """{"paths":[""]}""", "paths.0: String length must be greater than or equal to 1")]
    [InlineData("delete: pathsAreGlobs a string", "delete", """{"path":"a","pathsAreGlobs":"true"}""", "pathsAreGlobs: Invalid type. Expected: boolean, given: string")]
    [InlineData("delete: unknown property", "delete", """{"path":"a","bogus":true}""", "Additional property bogus is not allowed")]
    [InlineData("copy: missing paths", "copy", "{}", "(root): inPath is required|(root): outPath is required")]
    [InlineData("copy: empty ignore", "copy", """{"inPath":"a","outPath":"b","ignore":""}""", "ignore: String length must be greater than or equal to 1")]
    public async Task RunAsync_InvalidConfig_FailsTerminallyWithEveryProblem(string scenario, string kind, string config, string expectedLines)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        Assert.True(Registry.TryGet(kind, out var step));
        var result = await step.RunAsync(StepContext.ForWorkDirectory(temp.Path), JsonNode.Parse(config)!.AsObject(), CancellationToken.None);
        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.StartsWith($"invalid {kind} config: ", result.Message, StringComparison.Ordinal);
        foreach (var line in expectedLines.Split('|'))
        {
            Assert.Contains(line, result.Message, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("yaml-merge: an empty input name is valid config", "yaml-merge", """{"inFiles":[""],"outFile":"o.yaml"}""")]
    [InlineData("kustomize-set-image: path alone is valid", "kustomize-set-image", """{"path":"."}""")]
    [InlineData("yaml-update: integer value is valid", "yaml-update", """{"path":"v.yaml","updates":[{"key":"a","value":5}]}""")]
    public async Task RunAsync_ValidConfig_IsNotAConfigError(string scenario, string kind, string config)
    {
        Assert.NotNull(scenario);
        using var temp = new TempDirectory();
        Assert.True(Registry.TryGet(kind, out var step));
        var result = await step.RunAsync(StepContext.ForWorkDirectory(temp.Path), JsonNode.Parse(config)!.AsObject(), CancellationToken.None);
        Assert.DoesNotContain("config:", result.Message ?? "", StringComparison.Ordinal);
    }
}
