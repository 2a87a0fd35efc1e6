using System.Text;
using Barge.Testing;
using Xunit;

namespace Barge.Cli.Tests.Apply;

/// <summary>
/// Hostile and broken manifests: each gets exit code 2, a clear error naming the file, no stack trace,
/// and nothing in the store. Every file starts with a valid Project, so a partial write would show.
/// <see cref="Remote.ApplyBadInputRemoteTests"/> runs every test again through a <c>barge serve</c>.
/// </summary>
public class ApplyBadInputTests : IAsyncLifetime, IDisposable
{
    private const string ValidProject = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: grommet\n---\n";

    private readonly TempDirectory _home = new("cli");
    private readonly TempDirectory _work = new("cli-work");

    private Remote.ServedHome? _server;

    /// <summary>True when the commands go through a server (the derived remote test class in Remote/).</summary>
    protected virtual bool Served => false;

    public async Task InitializeAsync()
    {
        if (Served)
        {
            _server = await Remote.ServedHome.StartAsync(_home.Path, TimeProvider.System);
        }
    }

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public void Dispose()
    {
        _home.Dispose();
        _work.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A CLI run on this home: embedded, or through the server over its store.</summary>
    private BargeRun Run() =>
        _server is null ? new BargeRun(_home.Path) : new BargeRun(_home.Path).With("BARGE_SERVER", _server.Url).With("BARGE_TOKEN", Remote.ServedHome.AdminToken);

    public static TheoryData<string, string, string> TextCases => new()
    {
        {
            "malformed-yaml",
            ValidProject + "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: [unclosed\n",
            "bad.yaml:"
        },
        {
            "wrong-type",
            ValidProject + "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n  namespace: grommet\nspec:\n  subscriptions: not-a-list\n",
            "spec.subscriptions"
        },
        {
            "unknown-field",
            ValidProject + "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n  namespace: grommet\nspec:\n  subscriptionz: []\n",
            "spec.subscriptionz"
        },
        {
            "duplicate-documents",
            ValidProject + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: grommet\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: grommet\n",
            "duplicate"
        },
        {
            "name-not-dns-1123",
            ValidProject + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_A_Name\n  namespace: grommet\n",
            "metadata.name"
        },
        {
            "other-api-group",
            ValidProject + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: grommet\n",
            "Deployment"
        },
        {
            "alias-bomb",
            ValidProject + AliasBomb(),
            "bad.yaml:"
        },
        {
            "deep-nesting",
            ValidProject + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: grommet\ndata:\n  x: " + new string('[', 5000) + new string(']', 5000) + "\n",
            "bad.yaml:"
        },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public async Task Apply_BadText_ExitsTwoAndStoresNothing(string row, string text, string expected)
    {
        var file = Path.Combine(_work.Path, "bad.yaml");
        await File.WriteAllTextAsync(file, text);

        var result = await Run().RunAsync("apply", "-f", file);

        AssertRejected(row, result, expected);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Theory]
    [InlineData("nul-bytes", new byte[] { 0x61, 0x70, 0x69, 0x00, 0x01, 0x02, 0xff, 0xfe })]
    [InlineData("invalid-utf8", new byte[] { 0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a })]
    public async Task Apply_BinaryInput_ExitsTwoAndStoresNothing(string row, byte[] bytes)
    {
        var file = Path.Combine(_work.Path, "bad.yaml");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetBytes(ValidProject), .. bytes]);

        var result = await Run().RunAsync("apply", "-f", file);

        AssertRejected(row, result, "bad.yaml:");
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_BinaryOnStdin_ExitsTwoAndStoresNothing()
    {
        var result = await Run().RunWithInputAsync([.. Encoding.UTF8.GetBytes(ValidProject), 0, 1, 2, 3], "apply", "-f", "-");

        AssertRejected("stdin", result, "<stdin>");
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_FiftyMegabyteFile_ExitsTwoAndStoresNothing()
    {
        var file = Path.Combine(_work.Path, "bad.yaml");
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync(ValidProject);
            var line = "# " + new string('x', 1022) + "\n";
            for (var i = 0; i < 50 * 1024; i++)
            {
                await writer.WriteAsync(line);
            }
        }

        var result = await Run().RunAsync("apply", "-f", file);

        AssertRejected("50MB", result, "limit");
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    [Fact]
    public async Task Apply_OneBadDocumentAmongGoodOnes_ReportsEveryProblemAndStoresNothing()
    {
        var broken = ExamplePipeline.Text()
            .Replace("commitSelectionStrategy: NewestTag", "commitSelectionStrategy: Newest", StringComparison.Ordinal)
            .Replace("name: grommet-release\n    sources:\n      stages:", "name: grommet-relase\n    sources:\n      stages:", StringComparison.Ordinal);
        var file = ExamplePipeline.WriteTo(_work.Path, broken);

        var result = await Run().RunAsync("apply", "-f", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("(Warehouse \"grommet-dev\") spec.subscriptions[0].git.commitSelectionStrategy", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await StoreProbe.CountAllAsync(_home.Path));
    }

    private static void AssertRejected(string row, BargeResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, row + ": " + result);
        Assert.True(result.Error.Contains(expected, StringComparison.Ordinal), row + ": expected \"" + expected + "\" in:\n" + result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    private static string AliasBomb()
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n  namespace: grommet\ndata:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"  a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]\n");
        }
        return text.ToString();
    }
}
