using Barge.Resources.Manifests;
using Barge.Resources.Validation;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Validation;

/// <summary>
/// The golden folder of invalid manifests: each <c>&lt;rule&gt;.yaml</c> breaks one rule and its
/// <c>&lt;rule&gt;.err</c> holds the full expected error text. A <c>&lt;rule&gt;.stored.yaml</c> beside it
/// is what the store already holds (for immutability and alias rules).
/// </summary>
public sealed class InvalidManifestsTests
{
    private static string Folder => Path.Combine(Golden.SourceFolder("Barge.Resources.Tests"), "Golden", "Invalid");

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
    public void Folder_HasAtLeastFortyFiveRules()
    {
        Assert.True(Cases().Count >= 45, $"{Cases().Count} invalid manifests");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Read_InvalidManifest_GivesExpectedErrors(string rule)
    {
        var errors = await ErrorsOf(rule);

        Assert.False(string.IsNullOrEmpty(errors), $"{rule}.yaml produced no error");
        Golden.AssertMatches(Path.Combine(Folder, rule + ".err"), errors + "\n");
    }

    private static async Task<string> ErrorsOf(string rule)
    {
        var reader = new ManifestReader(new ManifestReaderOptions { Time = TimeProvider.System });
        var result = reader.ReadText(await File.ReadAllTextAsync(Path.Combine(Folder, rule + ".yaml")), rule + ".yaml");
        if (!result.Succeeded)
        {
            return string.Join("\n", result.Errors);
        }
        var storedPath = Path.Combine(Folder, rule + ".stored.yaml");
        var stored = File.Exists(storedPath) ? reader.ReadText(await File.ReadAllTextAsync(storedPath), rule + ".stored.yaml") : null;
        Assert.True(stored?.Succeeded ?? true, stored is null ? "" : string.Join("\n", stored.Errors));
        var lookup = new InMemoryLookup(stored?.Documents.Select(d => d.Resource) ?? []);
        var batchErrors = await BatchValidator.ValidateAsync(result.Documents, lookup, CancellationToken.None);
        return string.Join("\n", batchErrors);
    }
}
