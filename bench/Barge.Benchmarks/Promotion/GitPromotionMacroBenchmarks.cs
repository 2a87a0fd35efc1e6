using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Barge.Engine.Git;
using Barge.Engine.Promotion;
using Barge.Engine.Promotion.Steps;

namespace Barge.Benchmarks.Promotion;

/// <summary>
/// The grommet promotion on local repositories — clone, yaml-update of <c>env/dev/values.yaml</c>,
/// commit, push — run through the git steps against a shell script running the equivalent git
/// commands (bare clone + work tree, sed, add, commit, pull --rebase, push). Each operation starts from
/// an empty work directory and pushes a new commit to the same bare remote. On a machine shared with
/// other work the load drifts between BenchmarkDotNet's separate runs of the two methods, so
/// <see cref="Interleaved"/> also runs both back to back in every invocation and prints the medians
/// of each (the comparable figure: engine overhead = steps / shell − 1).
/// Run: <c>bench/promotion-git-macro.sh</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
[MedianColumn]
public class GitPromotionMacroBenchmarks
{
    private const string Script = """
        set -eu
        remote="$1"; work="$2"; tag="$3"
        git clone --quiet --bare "$remote" "$work/repo/.git"
        git --git-dir="$work/repo/.git" worktree add --quiet "$work/out" main
        sed -i "s/^  tag: .*/  tag: $tag/" "$work/out/env/dev/values.yaml"
        cd "$work/out"
        git add --all .
        git commit --quiet -m "Release $tag"
        git pull --quiet --rebase origin main
        git push --quiet origin HEAD:refs/heads/main

        """;

    private readonly GitCli git = new();
    private string root = "";
    private string remoteUrl = "";
    private string scriptPath = "";
    private int counter;
    private readonly List<double> shellTimes = [];
    private readonly List<double> stepTimes = [];
    private GitCloneStep? clone;
    private YamlUpdateStep? yamlUpdate;
    private GitCommitStep? commit;
    private GitPushStep? push;

    [Params(200)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        root = Path.Combine(Path.GetTempPath(), "barge-bench-gitsteps-" + Guid.NewGuid().ToString("N")[..8]);
        var source = Path.Combine(root, "source");
        Directory.CreateDirectory(Path.Combine(source, "env", "dev"));
        File.WriteAllText(Path.Combine(source, "env", "dev", "values.yaml"), "image:\n  repository: grommet\n  tag: 1.0.0 # pinned\nsource: grommet-dev\n");
        for (var i = 0; i < Files; i++)
        {
            var dir = Path.Combine(source, "apps", "app" + (i % 20).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"manifest{i}.yaml"), $"kind: ConfigMap\nmetadata:\n  name: cm{i}\ndata:\n  key: value{i}\n");
        }
        Git(source, "init", "--quiet", "--initial-branch=main");
        Git(source, "add", "--all");
        Git(source, "commit", "--quiet", "-m", "seed");
        var remote = Path.Combine(root, "remote.git");
        Git(root, "clone", "--quiet", "--bare", source, remote);
        remoteUrl = new Uri(remote).AbsoluteUri;
        scriptPath = Path.Combine(root, "promote.sh");
        File.WriteAllText(scriptPath, Script);
        clone = new GitCloneStep(git);
        yamlUpdate = new YamlUpdateStep();
        commit = new GitCommitStep(git);
        push = new GitPushStep(git);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (shellTimes.Count > 0)
        {
            var shell = Median(shellTimes);
            var steps = Median(stepTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// interleaved medians over {shellTimes.Count} pairs: shell {shell:0.0} ms, steps {steps:0.0} ms, engine overhead {(steps / shell - 1) * 100:0.0} %"));
        }
        Directory.Delete(root, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "shell script, same git commands")]
    public void ShellScript()
    {
        var work = NewWorkDirectory();
        Start(root, "sh", scriptPath, remoteUrl, work, Tag());
    }

    [Benchmark(Description = "git-clone, yaml-update, git-commit, git-push steps")]
    public async Task<string?> Steps()
    {
        var context = StepContext.ForWorkDirectory(NewWorkDirectory()) with { Promotion = "dev.bench", Stage = "dev" };
        var tag = Tag();
        await Run(clone!, context, $$"""{"repoURL":"{{remoteUrl}}","checkout":[{"branch":"main","path":"out"}]}""");
        var updated = await Run(yamlUpdate!, context, $$"""{"path":"out/env/dev/values.yaml","updates":[{"key":"image.tag","value":"{{tag}}"}]}""");
        await Run(commit!, context, $$"""{"path":"out","message":{{JsonValue.Create((string?)updated["commitMessage"] ?? "Release " + tag)!.ToJsonString()}}}""");
        var pushed = await Run(push!, context, """{"path":"out"}""");
        return (string?)pushed["commit"];
    }

    [Benchmark(Description = "both, interleaved (medians printed)")]
    public async Task Interleaved()
    {
        var clock = Stopwatch.StartNew();
        ShellScript();
        shellTimes.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        await Steps();
        stepTimes.Add(clock.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private string Tag() => "1.0." + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);

    private string NewWorkDirectory()
    {
        var work = Path.Combine(root, "work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        return work;
    }

    private static async Task<IReadOnlyDictionary<string, JsonNode?>> Run(IPromotionStep step, StepContext context, string json)
    {
        var result = await step.RunAsync(context, JsonNode.Parse(json)!.AsObject(), CancellationToken.None);
        if (result.Status != StepStatus.Succeeded)
        {
            throw new InvalidOperationException($"{step.Kind} ended {result.Status}: {result.Message}");
        }
        return result.Output ?? new Dictionary<string, JsonNode?>();
    }

    private static void Git(string directory, params string[] arguments) => Start(directory, "git", arguments);

    /// <summary>Runs a program with an argument list and a fixed identity; the shell baseline runs <c>sh script</c> this way.</summary>
    private static void Start(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = "Barge";
        start.Environment["GIT_AUTHOR_EMAIL"] = "no-reply@barge.local";
        start.Environment["GIT_COMMITTER_NAME"] = "Barge";
        start.Environment["GIT_COMMITTER_EMAIL"] = "no-reply@barge.local";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
