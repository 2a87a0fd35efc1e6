using System.Text.Json.Nodes;
using Barge.Cli.Output;
using Xunit;

namespace Barge.Cli.Tests.Output;

public sealed class YamlJsonWriterTests
{
    [Fact]
    public void Write_Manifest_WritesBlockYaml()
    {
        var node = JsonNode.Parse("""
            {"apiVersion":"kargo.akuity.io/v1alpha1","kind":"Stage","metadata":{"name":"dev","generation":2},
             "spec":{"requestedFreight":[{"origin":{"kind":"Warehouse","name":"w"},"sources":{"direct":true}}]}}
            """);
        using var writer = new StringWriter();

        YamlJsonWriter.Write(writer, node);

        Assert.Equal(
            """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: dev
              generation: 2
            spec:
              requestedFreight:
              - origin:
                  kind: Warehouse
                  name: w
                sources:
                  direct: true

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            writer.ToString());
    }

    [Theory]
    [InlineData("bool-word", "true")]
    [InlineData("yaml11-bool", "yes")]
    [InlineData("null-word", "null")]
    [InlineData("tilde", "~")]
    [InlineData("integer", "42")]
    [InlineData("float", "1.0")]
    [InlineData("exponent", "1e3")]
    [InlineData("empty", "")]
    [InlineData("sexagesimal", "1:30")]
    public void Write_StringThatLooksTyped_IsQuoted(string row, string text)
    {
        using var writer = new StringWriter();

        YamlJsonWriter.Write(writer, new JsonObject { ["v"] = text });

        Assert.True(writer.ToString() == $"v: \"{text}\"\n", row + ": " + writer);
    }

    [Fact]
    public void Write_MultiLineString_UsesLiteralBlock()
    {
        using var writer = new StringWriter();

        YamlJsonWriter.Write(writer, new JsonObject { ["message"] = "first\nsecond\n" });

        Assert.Equal("message: |\n  first\n  second\n", writer.ToString());
    }
}
