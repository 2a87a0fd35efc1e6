using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

/// <summary>
/// Runs every golden case of ../shared/conformance/steps through the built-in step registry. A case
/// listed in StepConformance/known-differences.json must NOT match Kargo's expectation (a listed case
/// that passes fails, so the list cannot go stale); where Barge deliberately does better (a Kargo
/// quirk), StepConformance/barge/&lt;case&gt;/ holds what Barge must produce instead, checked the same way.
/// </summary>
public sealed class StepConformanceTests
{
    private static readonly PromotionStepRegistry Registry = PromotionStepRegistry.CreateBuiltin();

    private static string OwnFolder => Path.Combine(Golden.SourceFolder("Barge.Engine.Tests"), "Promotion", "StepConformance");

    private static JsonObject KnownDifferences =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OwnFolder, "known-differences.json")))!.AsObject();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (RepoPaths.ConformanceDirectory is null)
        {
            data.Add("(conformance folder absent)");
            return data;
        }
        foreach (var dir in Directory.GetDirectories(RepoPaths.Conformance("steps")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_ConformanceCase_MatchesGolden(string name)
    {
        var stepCase = StepCase.Load(RepoPaths.Conformance(Path.Combine("steps", name)));
        var kargo = new StepExpectation(stepCase.Directory, stepCase.Meta);
        var (kargoProblems, _) = await RunAsync(stepCase, kargo);
        var known = KnownDifferences[name]?.AsObject();
        if (known is null)
        {
            Assert.True(kargoProblems.Count == 0, $"{name}:\n" + string.Join('\n', kargoProblems));
            return;
        }
        Assert.True(kargoProblems.Count > 0, $"{name} is listed in known-differences.json but now matches Kargo's expectation; remove it from the list");
        var bargeDir = Path.Combine(OwnFolder, "barge", name);
        if (!Directory.Exists(bargeDir))
        {
            return;
        }
        var bargeMeta = (JsonObject)stepCase.Meta.DeepClone();
        foreach (var (key, value) in JsonNode.Parse(File.ReadAllText(Path.Combine(bargeDir, "meta.json")))!.AsObject())
        {
            bargeMeta[key] = value?.DeepClone();
        }
        var barge = new StepExpectation(bargeDir, bargeMeta);
        var (bargeProblems, run) = await RunAsync(stepCase, barge);
        if (Directory.Exists(Path.Combine(stepCase.Directory, "expected")) && !Directory.Exists(Path.Combine(bargeDir, "expected")))
        {
            bargeProblems.Add("Barge's expectation has no expected/ tree");
        }
        if (!File.Exists(Path.Combine(bargeDir, "outputs.json")) && !File.Exists(Path.Combine(bargeDir, "error.txt")))
        {
            bargeProblems.Add("Barge's expectation has neither outputs.json nor error.txt");
        }
        if (Golden.Updating && bargeProblems.Count > 0)
        {
            WriteBargeExpectation(bargeDir, run);
            return;
        }
        Assert.True(bargeProblems.Count == 0, $"{name} (Barge's own expectation in StepConformance/barge/{name}):\n" + string.Join('\n', bargeProblems));
    }

    [ConformanceFact]
    public void KnownDifferences_EveryEntry_NamesAnExistingCaseAndAReason()
    {
        foreach (var (name, entry) in KnownDifferences)
        {
            Assert.True(Directory.Exists(RepoPaths.Conformance(Path.Combine("steps", name))), $"{name}: no such conformance case");
            Assert.False(string.IsNullOrWhiteSpace(entry?["kargo"]?.GetValue<string>()), $"{name}: says nothing of what Kargo does");
            Assert.False(string.IsNullOrWhiteSpace(entry?["barge"]?.GetValue<string>()), $"{name}: says nothing of what Barge does");
        }
    }

    private static async Task<(List<string> Problems, (string Work, StepResult Result) Run)> RunAsync(StepCase stepCase, StepExpectation expectation)
    {
        using var temp = new TempDirectory("step");
        var work = temp.Combine("work");
        Directory.CreateDirectory(work);
        stepCase.Materialise(work);
        Assert.True(Registry.TryGet(stepCase.Step, out var step), $"step kind {stepCase.Step} is not registered");
        var result = await step.RunAsync(stepCase.Context(work), (JsonObject)stepCase.Config.DeepClone(), CancellationToken.None);
        var problems = expectation.Check(work, result);
        var outside = Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Where(n => n != "work").ToList();
        if (outside.Count > 0)
        {
            problems.Add("the step wrote outside the work directory: " + string.Join(", ", outside));
        }
        if (Golden.Updating)
        {
            var snapshot = Path.Combine(Path.GetTempPath(), "barge-golden-" + stepCase.Name);
            if (Directory.Exists(snapshot))
            {
                Directory.Delete(snapshot, true);
            }
            CopyTree(work, snapshot);
            return (problems, (snapshot, result));
        }
        return (problems, (work, result));
    }

    private static void WriteBargeExpectation(string dir, (string Work, StepResult Result) run)
    {
        var expected = Path.Combine(dir, "expected");
        if (Directory.Exists(expected))
        {
            Directory.Delete(expected, true);
        }
        CopyTree(run.Work, expected);
        if (!Directory.EnumerateFileSystemEntries(expected).Any())
        {
            File.WriteAllText(Path.Combine(expected, ".keep"), "");
        }
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "meta.json")))!.AsObject();
        meta["status"] = run.Result.Status.ToString();
        if (run.Result.Status is StepStatus.Failed or StepStatus.Errored)
        {
            meta["terminal"] = run.Result.Terminal;
            File.WriteAllText(Path.Combine(dir, "error.txt"), run.Result.Message + "\n");
        }
        else
        {
            var output = run.Result.Output is null ? null : new JsonObject(run.Result.Output.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
            File.WriteAllText(Path.Combine(dir, "outputs.json"), (output?.ToJsonString(StepCase.Indented) ?? "null") + "\n");
        }
        File.WriteAllText(Path.Combine(dir, "meta.json"), meta.ToJsonString(StepCase.Indented) + "\n");
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in StepExpectation.RegularFiles(from))
        {
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, file), target);
        }
    }
}
