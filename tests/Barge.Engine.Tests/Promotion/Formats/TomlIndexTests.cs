using Barge.Engine.Promotion.Formats;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Formats;

public sealed class TomlIndexTests
{
    private const string Document = """
        # comment
        title = "x" # trailing
        values = [1, 2, # inside
          3]
        service = { name = "api", port = 8080 }
        "example.com/version" = '1.0.0'
        a.b.c = true
        when = 1979-05-27 07:32:00Z

        [package]
        version = "1.0.0"

        [[services]]
        port = 1
        [[services]]
        port = 2
        [services.meta]
        label = '''multi
        line'''
        """;

    [Theory]
    [InlineData("title", "String", "\"x\"")]
    [InlineData("values", "Array", null)]
    [InlineData("values.2", "Integer", "3")]
    [InlineData("service", "InlineTable", null)]
    [InlineData("service.port", "Integer", "8080")]
    [InlineData("example.com/version", "String", "'1.0.0'")]
    [InlineData("a.b", "Table", null)]
    [InlineData("a.b.c", "Bool", "true")]
    [InlineData("when", "DateTime", "1979-05-27 07:32:00Z")]
    [InlineData("package.version", "String", "\"1.0.0\"")]
    [InlineData("services", "ArrayTable", null)]
    [InlineData("services.1.port", "Integer", "2")]
    [InlineData("services.1.meta.label", "String", "'''multi\nline'''")]
    public void TryGet_Path_KindAndLiteral(string path, string kind, string? literal)
    {
        var index = TomlIndex.TryParse(Document, out var error);
        Assert.True(index is not null, error);
        string[] parts = path == "example.com/version" ? [path] : path.Split('.');
        Assert.True(index.TryGet(parts, out var node));
        Assert.Equal(kind, node.Kind);
        if (literal is not null)
        {
            Assert.Equal(literal, Document[node.Start..node.End]);
        }
    }

    [Theory]
    [InlineData("a = = 1")]
    [InlineData("a = \"x")]
    [InlineData("[table")]
    [InlineData("a = 1 b = 2")]
    [InlineData("a = [1, 2")]
    public void TryParse_InvalidToml_ReportsLineAndColumn(string text)
    {
        Assert.Null(TomlIndex.TryParse(text, out var error));
        Assert.StartsWith("toml: line 1, column ", error, StringComparison.Ordinal);
    }
}
