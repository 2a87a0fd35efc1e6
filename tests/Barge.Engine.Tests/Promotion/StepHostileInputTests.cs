using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion;

/// <summary>
/// Hostile configurations and work trees: nothing may be read or written outside the work directory,
/// nothing written into git metadata, and bad input gets an error, never a crash.
/// </summary>
public sealed class StepHostileInputTests : IDisposable
{
    private const string Secret = "secret: keep\n";
    private static readonly PromotionStepRegistry Registry = PromotionStepRegistry.CreateBuiltin();
    private readonly TempDirectory temp = new("hostile");

    public StepHostileInputTests()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.yaml"), Secret);
        File.WriteAllText(Path.Combine(Outside, "config.json"), "{\"secret\": \"keep\"}");
        File.WriteAllText(Path.Combine(Outside, "config.toml"), "secret = 'keep'\n");
        File.WriteAllText(Path.Combine(Outside, "kustomization.yaml"), "kind: Kustomization\n");
    }

    private string Work => temp.Combine("work");

    private string Outside => temp.Combine("outside");

    public void Dispose()
    {
        // Remove the links first: TempDirectory's clean-up walks through symlinks it finds.
        foreach (var link in Directory.EnumerateFileSystemEntries(temp.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                     .Where(p => new FileInfo(p).LinkTarget is not null).ToList())
        {
            File.Delete(link);
        }
        temp.Dispose();
    }

    [Theory]
    [InlineData("yaml-update through ..", "yaml-update", """{"path":"../outside/secret.yaml","updates":[{"key":"secret","value":"pwned"}]}""")]
    [InlineData("yaml-update through a linked directory", "yaml-update", """{"path":"out/secret.yaml","updates":[{"key":"secret","value":"pwned"}]}""")]
    [InlineData("yaml-update through a linked file", "yaml-update", """{"path":"secret-link.yaml","updates":[{"key":"secret","value":"pwned"}]}""")]
    [InlineData("json-update through a linked directory", "json-update", """{"path":"out/config.json","updates":[{"key":"secret","value":"pwned"}]}""")]
    [InlineData("toml-update through ..", "toml-update", """{"path":"../../outside/config.toml","updates":[{"key":"secret","value":"pwned"}]}""")]
    [InlineData("kustomize-set-image in a linked directory", "kustomize-set-image", """{"path":"out","images":[{"image":"nginx","tag":"pwned"}]}""")]
    [InlineData("yaml-merge out through ..", "yaml-merge", """{"inFiles":["../outside/secret.yaml"],"outFile":"../outside/secret.yaml"}""")]
    [InlineData("yaml-merge out through a linked file", "yaml-merge", """{"inFiles":["in.yaml"],"outFile":"secret-link.yaml"}""")]
    [InlineData("copy out through ..", "copy", """{"inPath":"in.yaml","outPath":"../outside/secret.yaml"}""")]
    [InlineData("copy into a linked directory", "copy", """{"inPath":"dir","outPath":"out"}""")]
    [InlineData("copy into a directory holding a link", "copy", """{"inPath":"dir","outPath":"target"}""")]
    [InlineData("delete through ..", "delete", """{"path":"../outside/secret.yaml"}""")]
    [InlineData("delete through a linked directory", "delete", """{"path":"out/secret.yaml"}""")]
    [InlineData("delete glob through a linked directory", "delete", """{"path":"out/*","pathsAreGlobs":true}""")]
    [InlineData("delete glob climbing", "delete", """{"paths":["../**","../outside/*"],"pathsAreGlobs":true}""")]
    public async Task RunAsync_PathEscapingTheWorkDirectory_LeavesOutsideUntouched(string scenario, string kind, string config)
    {
        Assert.NotNull(scenario);
        File.CreateSymbolicLink(Path.Combine(Work, "out"), Outside);
        File.CreateSymbolicLink(Path.Combine(Work, "secret-link.yaml"), Path.Combine(Outside, "secret.yaml"));
        File.WriteAllText(Path.Combine(Work, "in.yaml"), "secret: pwned\n");
        Directory.CreateDirectory(Path.Combine(Work, "dir"));
        File.WriteAllText(Path.Combine(Work, "dir", "secret.yaml"), "secret: pwned\n");
        Directory.CreateDirectory(Path.Combine(Work, "target"));
        File.CreateSymbolicLink(Path.Combine(Work, "target", "secret.yaml"), Path.Combine(Outside, "secret.yaml"));
        var before = Snapshot(Outside);

        var result = await Run(kind, config);

        Assert.NotEqual(StepStatus.Running, result.Status);
        Assert.Equal(before, Snapshot(Outside));
        Assert.Equal(["outside", "work"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("yaml-update", """{"path":"repo/.git/config","updates":[{"key":"a","value":"b"}]}""")]
    [InlineData("json-update", """{"path":"repo/.git/x.json","updates":[{"key":"a","value":"b"}]}""")]
    [InlineData("toml-update", """{"path":".git/x.toml","updates":[{"key":"a","value":"b"}]}""")]
    [InlineData("copy", """{"inPath":"in.yaml","outPath":"repo/.git/hooks/pre-commit"}""")]
    [InlineData("yaml-merge", """{"inFiles":["in.yaml"],"outFile":"repo/.git/config"}""")]
    [InlineData("delete", """{"path":"repo/.git"}""")]
    [InlineData("delete", """{"paths":["in.yaml","repo/.git/config"]}""")]
    public async Task RunAsync_TargetInGitMetadata_FailsWithoutWriting(string kind, string config)
    {
        Directory.CreateDirectory(Path.Combine(Work, "repo", ".git", "hooks"));
        Directory.CreateDirectory(Path.Combine(Work, ".git"));
        File.WriteAllText(Path.Combine(Work, "repo", ".git", "config"), "a: 1\n");
        File.WriteAllText(Path.Combine(Work, "repo", ".git", "x.json"), "{\"a\": 1}");
        File.WriteAllText(Path.Combine(Work, ".git", "x.toml"), "a = 1\n");
        File.WriteAllText(Path.Combine(Work, "in.yaml"), "a: 2\n");
        var before = Snapshot(Work);

        var result = await Run(kind, config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Contains("inside git metadata (.git)", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Work));
    }

    [Fact]
    public async Task RunAsync_DeleteGlobOverGitMetadata_LeavesIt()
    {
        Directory.CreateDirectory(Path.Combine(Work, "repo", ".git"));
        File.WriteAllText(Path.Combine(Work, "repo", ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(Work, "repo", "a.txt"), "a");

        var result = await Run("delete", """{"path":"repo/*","pathsAreGlobs":true}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.True(File.Exists(Path.Combine(Work, "repo", ".git", "HEAD")));
        Assert.False(File.Exists(Path.Combine(Work, "repo", "a.txt")));
    }

    [Fact]
    public async Task RunAsync_FileOverTheSizeLimit_ErrorsWithoutReadingIt()
    {
        using (var stream = File.Create(Path.Combine(Work, "huge.yaml")))
        {
            stream.SetLength(StepFiles.MaxFileBytes + 1);
        }
        var result = await Run("yaml-update", """{"path":"huge.yaml","updates":[{"key":"a","value":"b"}]}""");
        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("larger than the limit", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yaml-update: tab indentation", "yaml-update", "v.yaml", "a:\n\tb: 1\n", """{"path":"v.yaml","updates":[{"key":"a.b","value":2}]}""", "error unmarshaling input")]
    [InlineData("yaml-update: unclosed flow", "yaml-update", "v.yaml", "a: [1, 2\n", """{"path":"v.yaml","updates":[{"key":"a.0","value":2}]}""", "error unmarshaling input")]
    [InlineData("yaml-update: bad key escape", "yaml-update", "v.yaml", "a: 1\n", """{"path":"v.yaml","updates":[{"key":"a\\b","value":2}]}""", "invalid escape sequence in key")]
    [InlineData("yaml-update: empty key part", "yaml-update", "v.yaml", "a: 1\n", """{"path":"v.yaml","updates":[{"key":"a..b","value":2}]}""", "empty key part in key")]
    [InlineData("yaml-update: a directory", "yaml-update", "v.yaml/x", "", """{"path":"v.yaml","updates":[{"key":"a","value":2}]}""", "is a directory")]
    [InlineData("toml-update: invalid TOML", "toml-update", "c.toml", "a = = 1\n", """{"path":"c.toml","updates":[{"key":"a","value":2}]}""", "error parsing input")]
    [InlineData("toml-update: unterminated string", "toml-update", "c.toml", "a = \"x\n", """{"path":"c.toml","updates":[{"key":"a","value":2}]}""", "error parsing input")]
    [InlineData("toml-update: object value", "toml-update", "c.toml", "a = 1\n", """{"path":"c.toml","updates":[{"key":"a","value":{"b":1}}]}""", "value is not a TOML scalar type")]
    [InlineData("json-update: array value", "json-update", "c.json", "{}", """{"path":"c.json","updates":[{"key":"a","value":[1]}]}""", "is not a scalar type")]
    [InlineData("kustomize-set-image: images not a list", "kustomize-set-image", "kustomization.yaml", "images: nginx\n", """{"path":".","images":[{"image":"nginx","tag":"1"}]}""", "could not decode images field")]
    [InlineData("kustomize-set-image: invalid YAML", "kustomize-set-image", "kustomization.yaml", "images: [\n", """{"path":".","images":[{"image":"nginx","tag":"1"}]}""", "could not unmarshal Kustomization file")]
    [InlineData("yaml-merge: a directory as input", "yaml-merge", "d/x", "", """{"inFiles":["d"],"outFile":"o.yaml"}""", "error reading input file")]
    [InlineData("delete: bad glob", "delete", "a", "", """{"path":"{a","pathsAreGlobs":true}""", "syntax error in pattern")]
    public async Task RunAsync_BadInput_ErrorsAndLeavesTheFile(string scenario, string kind, string file, string contents, string config, string expected)
    {
        Assert.NotNull(scenario);
        var path = Path.Combine(Work, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        var before = Snapshot(Work);

        var result = await Run(kind, config);

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Work));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        File.WriteAllText(Path.Combine(Work, "v.yaml"), "a: 1\n");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.True(Registry.TryGet("yaml-update", out var step));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step.RunAsync(
            StepContext.ForWorkDirectory(Work), JsonNode.Parse("""{"path":"v.yaml","updates":[{"key":"a","value":2}]}""")!.AsObject(), cts.Token));
    }

    private async Task<StepResult> Run(string kind, string config)
    {
        Assert.True(Registry.TryGet(kind, out var step));
        return await step.RunAsync(StepContext.ForWorkDirectory(Work), JsonNode.Parse(config)!.AsObject(), CancellationToken.None);
    }

    private static string Snapshot(string root) => string.Join('\n',
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => !IsBelowLink(root, p))
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(root, p) + (new FileInfo(p).LinkTarget is { } t ? " -> " + t : File.Exists(p) ? " = " + File.ReadAllText(p) : "/")));

    private static bool IsBelowLink(string root, string path)
    {
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (new DirectoryInfo(dir).LinkTarget is not null)
            {
                return true;
            }
        }
        return false;
    }
}
