using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Apply;

/// <summary>
/// Every manifest of Barge.Resources' golden folder of invalid manifests, applied through
/// <c>barge apply</c>: exit code 2, exactly the golden error lines on stderr, and the store exactly as
/// it was (a <c>.stored.yaml</c> beside a case is applied first, as the state the rule needs).
/// </summary>
public sealed class GoldenInvalidManifestsTests : IDisposable
{
    private readonly TempDirectory _home = new("cli");

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "Barge.Resources.Tests", "Golden", "Invalid");

    public void Dispose() => _home.Dispose();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".stored.yaml", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(file));
            }
        }
        return data;
    }

    [Fact]
    public void Folder_HasAtLeastFortyRules()
    {
        Assert.True(Cases().Count >= 40, $"{Cases().Count} invalid manifests");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Apply_InvalidManifest_ExitsTwoWithTheGoldenErrorsAndChangesNothing(string rule)
    {
        var run = new BargeRun(_home.Path);
        var stored = Path.Combine(Folder, rule + ".stored.yaml");
        if (File.Exists(stored))
        {
            var setup = await run.RunAsync("apply", "-f", stored);
            Assert.True(setup.ExitCode == 0, "setup: " + setup);
        }
        var (countBefore, versionBefore) = await StateAsync();

        var result = await run.RunAsync("apply", "-f", Path.Combine(Folder, rule + ".yaml"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Error.Replace(Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Assert.StartsWith("error: ", lines[^1], StringComparison.Ordinal);
        var expected = (await File.ReadAllTextAsync(Path.Combine(Folder, rule + ".err"))).TrimEnd('\n');
        Assert.Equal(expected, string.Join("\n", lines[..^1]));
        Assert.Equal((countBefore, versionBefore), await StateAsync());
    }

    private async Task<(int Count, long Version)> StateAsync()
    {
        if (!File.Exists(Path.Combine(_home.Path, "barge.db")))
        {
            return (0, 0);
        }
        await using var store = await StoreProbe.OpenAsync(_home.Path);
        return (await StoreProbe.CountAllAsync(_home.Path), await store.GetResourceVersionAsync());
    }
}
