using Barge.Cli.Demo;
using Xunit;

namespace Barge.Cli.Tests.Demo;

public sealed class DemoPipelineFileTests
{
    [Fact]
    public void Template_EmbeddedInTheBinary_IsTheProjectsExamplePipeline()
    {
        Assert.Equal(File.ReadAllText(ExamplePipeline.Path), DemoPipelineFile.Template());
    }

    [Fact]
    public void WithoutImages_ExamplePipeline_DropsImageSubscriptionsVariableAndUpdateOnly()
    {
        var template = DemoPipelineFile.Template();

        var text = DemoPipelineFile.WithoutImages(template);

        var code = text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).ToList();
        Assert.DoesNotContain(code, l => l.Contains("image:", StringComparison.Ordinal) || l.Contains("artifactoryRepo", StringComparison.Ordinal) || l.Contains("imageTag", StringComparison.Ordinal));
        Assert.DoesNotContain(code, l => l.Contains("{{IMAGE_REPO}}", StringComparison.Ordinal));
        // Every other line is kept, in order.
        var kept = template.Split('\n').Where(l => text.Contains(l, StringComparison.Ordinal)).ToList();
        var removed = template.Split('\n').Length - kept.Count;
        Assert.Equal(3 * 2 + 1 + 2 * 2 + 2, removed);
        Assert.Contains("- key: desiredRevision", text, StringComparison.Ordinal);
        Assert.Contains("- key: source", text, StringComparison.Ordinal);
        Assert.Contains("allowTagsRegexes:\n      - ^dev\n---", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("with-registry", "127.0.0.1:5000/grommet")]
    [InlineData("git-only", null)]
    public void Render_FillsEveryPlaceholder(string row, string? imageRepo)
    {
        Assert.NotEmpty(row);
        var text = DemoPipelineFile.Render(DemoPipelineFile.Template(), "http://127.0.0.1:1/grommet.git", "file:///tmp/config.git", imageRepo);

        Assert.DoesNotContain(text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')), l => l.Contains("{{", StringComparison.Ordinal) && !l.Contains("${{", StringComparison.Ordinal));
        Assert.Contains("repoURL: \"http://127.0.0.1:1/grommet.git\"", text, StringComparison.Ordinal);
        Assert.Equal(imageRepo is not null, text.Contains("repoURL: \"127.0.0.1:5000/grommet\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_UnknownPlaceholderLeft_ThrowsNamingTheLine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DemoPipelineFile.Render("a: \"{{SOURCE_REPO}}\"\nb: \"{{OTHER}}\"\n", "x", "y", "z"));

        Assert.Contains("b: \"{{OTHER}}\"", error.Message, StringComparison.Ordinal);
    }
}
