using System.Text.Json;
using Barge.Testing;
using Xunit;
using Barge.Testing.Grommet;

namespace Barge.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 5's acceptance: the grommet scenario end to end through the real CLI, with a real source
/// repository (dev and release tags), a writable config repository and a real docker-registry.
/// </summary>
public sealed class GrommetEndToEndTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _home = new("cli-e2e");
    private readonly GrommetWorld _world = new();
    private readonly BargeRun _run;

    public GrommetEndToEndTests() => _run = new BargeRun(_home.Path);

    public void Dispose()
    {
        _world.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task Promote_ReleaseThenDevFreightIntoDev_ConfigRepoCarriesEachOriginsCommitAndImage()
    {
        var commitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var hour = 0;
        foreach (var tag in new[] { "v1.0.0", "dev-1", "v1.1.0", "dev-2" })
        {
            commitOf[tag] = _world.CommitAndTag(tag);
            await _world.PushImageAsync(tag, T0.AddHours(++hour));
        }
        var pipeline = _world.Pipeline();
        await RunOkAsync("apply", "-f", ExamplePipeline.WriteTo(_home.Path, pipeline));
        await RunOkAsync("refresh", "warehouse", "grommet-dev", "-p", "grommet", "--wait");
        await RunOkAsync("refresh", "warehouse", "grommet-release", "-p", "grommet", "--wait");

        var freight = FreightByOrigin((await RunOkAsync("get", "freight", "-p", "grommet", "-o", "json")).Output);
        Assert.Equal(["grommet-dev", "grommet-release"], freight.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("dev-2", commitOf["dev-2"]), freight["grommet-dev"]);
        Assert.Equal(("v1.1.0", commitOf["v1.1.0"]), freight["grommet-release"]);

        await RunOkAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "grommet-release", "--wait");
        AssertDevValues("after-release", commitOf["v1.1.0"], "v1.1.0", "grommet-release", "Release ");

        await RunOkAsync("promote", "-p", "grommet", "--stage", "dev", "--warehouse", "grommet-dev", "--wait");
        AssertDevValues("after-dev", commitOf["dev-2"], "dev-2", "grommet-dev", "Dev build ");
    }

    private void AssertDevValues(string cloneName, string commit, string imageTag, string source, string messagePrefix)
    {
        var clone = _world.CloneConfig(cloneName);
        var values = File.ReadAllText(Path.Combine(clone, "env", "dev", "values.yaml"));
        Assert.Contains($"desiredRevision: {commit}", values, StringComparison.Ordinal);
        Assert.Contains($"imageTag: {imageTag}", values, StringComparison.Ordinal);
        Assert.Contains($"source: {source}", values, StringComparison.Ordinal);
        Assert.Contains("replicas: 1", values, StringComparison.Ordinal);
        Assert.Equal(GrommetWorld.ProdValues, File.ReadAllText(Path.Combine(clone, "env", "prod", "values.yaml")));
        var message = _world.Git(clone, "log", "-1", "--format=%B");
        Assert.StartsWith(messagePrefix, message, StringComparison.Ordinal);
        Assert.Contains(" to dev", message.Split('\n')[0], StringComparison.Ordinal);
        // The body is yaml-update's commitMessage, read through task.outputs inside the PromotionTask.
        Assert.Contains(imageTag, string.Join('\n', message.Split('\n').Skip(1)), StringComparison.Ordinal);
    }

    private async Task<BargeResult> RunOkAsync(params string[] args)
    {
        var result = await _run.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"barge {string.Join(' ', args)}: {result}");
        return result;
    }

    /// <summary>Origin name to (tag, commit ID) of the one Freight per origin in <c>get freight -o json</c>.</summary>
    private static Dictionary<string, (string Tag, string Commit)> FreightByOrigin(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("items");
        var byOrigin = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            var origin = item.GetProperty("origin").GetProperty("name").GetString()!;
            var image = item.GetProperty("images")[0];
            var commit = item.GetProperty("commits")[0];
            Assert.Equal(image.GetProperty("tag").GetString(), commit.GetProperty("tag").GetString());
            Assert.True(byOrigin.TryAdd(origin, (image.GetProperty("tag").GetString()!, commit.GetProperty("id").GetString()!)), $"two Freight from {origin}: {json}");
        }
        return byOrigin;
    }
}
