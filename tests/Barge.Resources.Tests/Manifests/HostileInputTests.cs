using System.Text;
using Barge.Resources.Manifests;
using Barge.Testing;
using Xunit;

namespace Barge.Resources.Tests.Manifests;

/// <summary>Input meant to crash or exhaust the reader gets a clear, positioned error, quickly.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void ReadText_AliasBomb_IsRefusedWithoutExpanding()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb, namespace: p}\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }
        var started = DateTime.UtcNow;

        var result = TestManifests.Read(yaml.ToString());

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        var error = Assert.Single(result.Errors);
        Assert.Contains("document expands to more than 250,000 nodes (a YAML alias bomb?)", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("test.yaml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPathAsync_FiftyMegabyteFile_IsRefusedBySize()
    {
        using var dir = new TempDirectory("big");
        var path = dir.Combine("big.yaml");
        await using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var result = await new ManifestReader().ReadPathAsync(path, CancellationToken.None);

        Assert.Equal($"{path}:1:1: file is 52,428,800 bytes, larger than the limit of 16 MiB; split it into several files", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public async Task ReadStreamAsync_OversizedStream_IsRefusedBySize()
    {
        using var stream = new MemoryStream(new byte[17 * 1024 * 1024]);

        var result = await new ManifestReader().ReadStreamAsync(stream, "<stdin>", CancellationToken.None);

        Assert.Equal("<stdin>:1:1: input is larger than the limit of 16 MiB; split it into several files", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public async Task ReadStreamAsync_BinaryInput_IsRefused()
    {
        var bytes = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00 };
        using var stream = new MemoryStream(bytes);

        var result = await new ManifestReader().ReadStreamAsync(stream, "<stdin>", CancellationToken.None);

        Assert.Equal("<stdin>:1:8: binary content (a NUL byte at offset 7); manifests must be UTF-8 text", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public async Task ReadStreamAsync_InvalidUtf8_IsRefusedWithPosition()
    {
        var bytes = Encoding.UTF8.GetBytes("kind: Project\nmetadata: {name: ").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        using var stream = new MemoryStream(bytes);

        var result = await new ManifestReader().ReadStreamAsync(stream, "<stdin>", CancellationToken.None);

        Assert.Equal("<stdin>:2:18: not valid UTF-8 text (invalid byte at offset 31); manifests must be UTF-8", Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("block mappings", false)]
    [InlineData("flow sequences", true)]
    public void ReadText_VeryDeepNesting_IsRefused(string name, bool flow)
    {
        Assert.False(string.IsNullOrEmpty(name));
        const int depth = 20_000;
        var body = flow
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "k:\n"));
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: p}\nbinaryData:\n  x: " + (flow ? body : "\n" + Indent(body)) + "\n";

        var result = TestManifests.Read(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Contains("nesting deeper than 100 levels is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_GarbageText_IsAClearError()
    {
        var result = TestManifests.Read("{{{{ this is : not ] yaml");

        Assert.StartsWith("test.yaml:1:", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
        Assert.Equal("mapping keys must be scalars", result.Errors[0].Message);
    }

    [Fact]
    public void ReadText_InfinityInATypedField_IsAClearError()
    {
        var result = TestManifests.Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: p}\ndata:\n  x: .inf\n");

        Assert.Equal("test.yaml:5:6 data.x: the value .inf cannot be represented in JSON", Assert.Single(result.Errors).ToString());
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
}
