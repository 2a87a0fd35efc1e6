using Barge.Engine.Helm;
using Xunit;

namespace Barge.Engine.Tests.Helm;

public sealed class HelmRepositoryIndexTests
{
    [Fact]
    public void Parse_TypicalIndex_VersionsPerChart()
    {
        const string yaml = """
            apiVersion: v1
            entries:
              grommet:
                - name: grommet
                  version: 1.2.0
                  urls: [grommet-1.2.0.tgz]
                  created: "2026-01-01T00:00:00Z"
                - name: grommet
                  version: 1.10.0
              widget:
                - version: 0.1.0
                  appVersion: "2.0"
              empty: []
            generated: "2026-01-02T00:00:00Z"
            """;

        var index = HelmRepositoryIndex.Parse(yaml, "https://charts.example.com/index.yaml");

        Assert.Equal(["1.2.0", "1.10.0"], index.VersionsOf("grommet"));
        Assert.Equal(["0.1.0"], index.VersionsOf("widget"));
        Assert.Empty(index.VersionsOf("empty")!);
        Assert.Null(index.VersionsOf("absent"));
    }

    [Theory]
    [InlineData("not yaml", "entries: [unclosed", "index.yaml:1:")]
    [InlineData("no entries", "apiVersion: v1\n", "no \"entries\"")]
    [InlineData("entries wrong shape", "entries: 5\n", "not a Helm repository index")]
    public void Parse_BadIndex_ErrorNamesTheSource(string name, string yaml, string expected)
    {
        Assert.NotEmpty(name);

        var error = Assert.Throws<HelmRepositoryException>(() => HelmRepositoryIndex.Parse(yaml, "index.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
