using Barge.Engine.Promotion.Steps;
using Barge.Engine.Tests.Git;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Git;

/// <summary>Promotions that push to one branch at the same time (issue 5 acceptance).</summary>
public sealed class GitPushConcurrencyTests
{
    [Theory]
    [InlineData("separate processes: the rebase retry integrates", false)]
    [InlineData("one process: the branch lock serialises", true)]
    public async Task RunAsync_PromotionsPushToOneBranchAtOnce_AllSucceedAndTheBranchHasEveryCommit(string scenario, bool sharedStep)
    {
        Assert.NotNull(scenario);
        const int promotions = 3;
        using var remote = new GitRemote();
        var shared = new GitPushStep(settings: new GitPushSettings(RetryBaseDelay: TimeSpan.FromMilliseconds(20)));
        var runs = Enumerable.Range(0, promotions)
            .Select(i => new GitStepRunner(promotion: $"dev.{i}", push: sharedStep ? shared : null))
            .ToList();
        try
        {
            foreach (var (run, i) in runs.Select((r, i) => (r, i)))
            {
                await run.CloneAsync(remote.FileUrl);
                run.Write($"out/promotion-{i}.txt", $"{i}\n");
                await run.SucceedAsync(run.Commit, $$"""{"path":"out","message":"promotion {{i}}"}""");
            }
            using var start = new ManualResetEventSlim();
            var pushes = runs.Select(run => Task.Run(async () =>
            {
                start.Wait();
                return await run.RunAsync(run.Push, """{"path":"out","maxAttempts":20}""");
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(pushes);
            Assert.All(results, r => Assert.True(r.Status == Barge.Engine.Promotion.StepStatus.Succeeded, r.Message));
            var subjects = remote.Subjects();
            for (var i = 0; i < promotions; i++)
            {
                Assert.Contains($"promotion {i}", subjects);
                Assert.Equal($"{i}\n", remote.Show($"main:promotion-{i}.txt"));
            }
            Assert.Equal(promotions + 2, subjects.Count);
            Assert.Contains((string?)results.Select(r => r.Output!["commit"]).Last(), results.Select(r => (string?)r.Output!["commit"]));
            Assert.Contains(remote.Head(), results.Select(r => (string?)r.Output!["commit"]));
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }
    }
}
