using System.Diagnostics;
using System.Text.Json;
using Barge.Engine.Audit;
using Barge.Engine.Git;
using Barge.Storage;
using Barge.Storage.Events;
using Barge.Storage.Sqlite;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Reconcile;

/// <summary>
/// Crash safety of the pipeline controller: 20 Promotions that write a file and push a commit to a real
/// bare repository (served over git's smart HTTP) are run by the built <c>barge reconcile --until-idle</c>, killed with SIGKILL at
/// random points over 30 trials; a last run finishes them. Every Promotion succeeds exactly once, each
/// pushes exactly one commit, and no audit entry is lost or duplicated.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Promotions = 20;
    private const int Trials = 30;
    private readonly TempDirectory _home = new("crash-home");
    private readonly TempDirectory _world = new("crash-world");
    private readonly System.Text.StringBuilder _errors = new();

    public void Dispose()
    {
        _home.Dispose();
        _world.Dispose();
    }

    [Fact]
    public async Task ReconcileUntilIdle_KilledAtRandomPoints_EveryPromotionOnceAndEveryCommitOnce()
    {
        var (source, bare) = SetUpRepositories();
        // The config repository is served from this process, as a remote is: a file URL would run git's
        // receive-pack as the reconciler's child, and a kill of its process tree during a ref update
        // leaves refs/heads/main.lock behind in the remote, which fails every later push.
        using var remote = GitHttpServer.Start(_world.Path, new GitHttpServerOptions(AllowPush: true));
        var run = new BargeRun(_home.Path);
        var pipeline = PipelineYaml(new Uri(source).AbsoluteUri, remote.UrlOf(bare));
        var file = Path.Combine(_world.Path, "pipeline.yaml");
        await File.WriteAllTextAsync(file, pipeline);
        Assert.Equal(0, (await run.RunAsync("apply", "-f", file)).ExitCode);
        var refresh = await run.RunAsync("refresh", "warehouse", "src", "-p", "crash", "--wait");
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        var freight = await SingleFreightAsync();
        for (var i = 0; i < Promotions; i++)
        {
            var created = await run.RunAsync("promote", "-p", "crash", "--stage", "deploy", "--freight", freight, "--no-wait");
            Assert.True(created.ExitCode == 0, created.ToString());
        }

        var random = new Random(20261126);
        var killed = 0;
        var watch = Stopwatch.StartNew();
        for (var trial = 0; trial < Trials; trial++)
        {
            using var child = StartReconcile();
            var exited = child.WaitForExit(random.Next(400, 1400));
            if (!exited)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
                killed++;
            }
        }
        int lastExit;
        using (var last = StartReconcile())
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(2)), "the final reconcile did not finish");
            last.WaitForExit();
            lastExit = last.ExitCode;
        }
        var elapsed = watch.Elapsed;

        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")), TimeProvider.System);
        var promotions = (await store.ListAsync(ResourceQuery.OfKind("Promotion", "crash"))).Items;
        Assert.Equal(Promotions, promotions.Count);
        Assert.True(promotions.All(p => p.Status!.Value.GetProperty("phase").GetString() == "Succeeded"),
            "not every Promotion succeeded: " + string.Join("\n", promotions.Select(p => p.Key.Name + " " + p.Status!.Value.GetRawText()[..Math.Min(600, p.Status!.Value.GetRawText().Length)])) + "\nthe controllers said:\n" + _errors);
        // Checked after the statuses so that a failure shows why the Promotions did not succeed.
        Assert.True(lastExit == 0, $"final reconcile exit {lastExit}: {_errors}");

        var audit = new List<AuditRecord>();
        var page = await store.QueryEventsAsync(new EventQuery { Project = "crash", Limit = 1000 });
        audit.AddRange(page.Items.Select(AuditRecord.FromEvent).OfType<AuditRecord>());
        Assert.Single(audit, a => a.Type == AuditTypes.FreightCreated);
        foreach (var promotion in promotions)
        {
            var name = promotion.Key.Name;
            Assert.Single(audit, a => a.Type == AuditTypes.PromotionCreated && a.Promotion == name);
            Assert.Single(audit, a => a.Type == AuditTypes.PromotionStarted && a.Promotion == name);
            var finished = Assert.Single(audit, a => a.Type == AuditTypes.PromotionFinished && a.Promotion == name);
            Assert.Equal("Succeeded", finished.Phase);
            Assert.Single(finished.Commits!);
        }

        // One commit per Promotion on top of the seed, each naming its Promotion once.
        var log = Git(_world.Path, "--git-dir", bare, "log", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Promotions + 1, log.Length);
        var subjects = log.Where(s => s.StartsWith("promote ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Promotions, subjects.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(promotions.Select(p => "promote " + p.Key.Name).Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
        Assert.True(killed >= 20, $"only {killed} of {Trials} trials were killed before they finished");
        Assert.True(elapsed < TimeSpan.FromMinutes(3), $"took {elapsed}");
    }

    private System.Diagnostics.Process StartReconcile()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "barge.dll"));
        start.ArgumentList.Add("reconcile");
        start.ArgumentList.Add("--until-idle");
        start.ArgumentList.Add("--idle-window");
        start.ArgumentList.Add("0");
        // A killed process's lease on its Promotion expires after this; the next process then resumes it.
        start.ArgumentList.Add("--promotion-lease");
        start.ArgumentList.Add("1");
        start.Environment["BARGE_HOME"] = _home.Path;
        start.Environment["HOME"] = _home.Path;
        start.Environment.Remove("BARGE_SERVER");
        var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Keeps what the reconcilers print (a stream's end comes as null) for a failure's message.</summary>
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_errors)
        {
            _errors.AppendLine(line);
        }
    }

    private async Task<string> SingleFreightAsync()
    {
        await using var store = await SqliteResourceStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_home.Path, "barge.db")), TimeProvider.System);
        return Assert.Single((await store.ListAsync(ResourceQuery.OfKind("Freight", "crash"))).Items).Key.Name;
    }

    private (string Source, string Bare) SetUpRepositories()
    {
        var source = Path.Combine(_world.Path, "source");
        Directory.CreateDirectory(source);
        Git(source, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(source, "app.txt"), "app\n");
        Git(source, "add", ".");
        Git(source, "commit", "--quiet", "-m", "app");
        var seed = Path.Combine(_world.Path, "seed");
        Directory.CreateDirectory(seed);
        Git(seed, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(seed, "README"), "config\n");
        Git(seed, "add", ".");
        Git(seed, "commit", "--quiet", "-m", "seed");
        var bare = Path.Combine(_world.Path, "config.git");
        Git(_world.Path, "clone", "--quiet", "--bare", seed, bare);
        return (source, bare);
    }

    private static string PipelineYaml(string sourceUrl, string configUrl) => """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: crash
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: src
          namespace: crash
        spec:
          interval: 1h
          subscriptions:
          - git:
              repoURL: SOURCE_URL
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: deploy
          namespace: crash
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: src
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: git-clone
                as: clone
                config:
                  repoURL: CONFIG_URL
                  checkout:
                  - branch: main
                    path: ./config
              - uses: file-write
                as: write
                config:
                  path: ./config/promotions/${{ ctx.promotion }}
                  contents: ${{ ctx.promotion }}
                  overwrite: true
              - uses: git-commit
                as: commit
                config:
                  path: ./config
                  message: promote ${{ ctx.promotion }}
              - uses: git-push
                as: push
                config:
                  path: ./config
                  targetBranch: main
        """.Replace("SOURCE_URL", sourceUrl, StringComparison.Ordinal).Replace("CONFIG_URL", configUrl, StringComparison.Ordinal);

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_AUTHOR_NAME"] = "test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }
}
