using System.Text.Json.Nodes;
using Barge.Engine.Git;
using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;
using Barge.Testing;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>One Promotion's work directory and the git steps, run as the engine would run them.</summary>
internal sealed class GitStepRunner : IDisposable
{
    private readonly TempDirectory work = new("work");

    public GitStepRunner(string promotion = "dev.01hzz.abc1234", GitPushStep? push = null, Barge.Engine.Credentials.ICredentialProvider? credentials = null, GitPushSettings? settings = null)
    {
        Git = new GitCli(new GitCliOptions(DefaultTimeout: TimeSpan.FromMinutes(1)));
        Context = StepContext.ForWorkDirectory(work.Path) with { Promotion = promotion, Stage = "dev", Credentials = credentials };
        Clone = new GitCloneStep(Git);
        Push = push ?? new GitPushStep(Git, settings ?? new GitPushSettings(RetryBaseDelay: TimeSpan.FromMilliseconds(10)));
    }

    public GitCli Git { get; }

    public StepContext Context { get; }

    public GitCloneStep Clone { get; }

    public GitClearStep Clear { get; } = new();

    public GitCommitStep Commit { get; } = new();

    public GitTagStep Tag { get; } = new();

    public GitPushStep Push { get; }

    public string WorkDirectory => work.Path;

    public string Combine(params string[] parts) => work.Combine(parts);

    public Task<StepResult> RunAsync(IPromotionStep step, string json) =>
        step.RunAsync(Context, JsonNode.Parse(json)!.AsObject(), CancellationToken.None);

    /// <summary>Runs a step that must succeed (or be skipped, when allowed), and returns its output.</summary>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> SucceedAsync(IPromotionStep step, string json)
    {
        var result = await RunAsync(step, json);
        if (result.Status != StepStatus.Succeeded)
        {
            throw new Xunit.Sdk.XunitException($"{step.Kind} ended {result.Status}: {result.Message}");
        }
        return result.Output ?? new Dictionary<string, JsonNode?>();
    }

    public Task<IReadOnlyDictionary<string, JsonNode?>> CloneAsync(string url, string checkoutJson = """[{"branch":"main","path":"out"}]""") =>
        SucceedAsync(Clone, $$"""{"repoURL":{{JsonValue.Create(url).ToJsonString()}},"checkout":{{checkoutJson}}}""");

    public void Write(string path, string content)
    {
        var full = work.Combine(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => work.Dispose();
}
