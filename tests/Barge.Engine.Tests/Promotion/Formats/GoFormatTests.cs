using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Formats;

public sealed class GoFormatTests
{
    [Theory]
    [InlineData("integer", 42, "42")]
    [InlineData("fraction", 4.2, "4.2")]
    [InlineData("negative", -1, "-1")]
    [InlineData("six digits stay plain", 123456, "123456")]
    [InlineData("a million uses an exponent", 1000000, "1e+06")]
    [InlineData("seven digits", 1234567, "1.234567e+06")]
    [InlineData("small", 0.000001, "1e-06")]
    [InlineData("small but plain", 0.0001, "0.0001")]
    [InlineData("huge", 1e21, "1e+21")]
    [InlineData("zero", 0, "0")]
    public void FloatV_Value_MatchesGoPercentV(string scenario, double value, string expected)
    {
        Assert.NotNull(scenario);
        Assert.Equal(expected, GoFormat.FloatV(value));
    }

    [Theory]
    [InlineData("a million", 1000000, "1000000")]
    [InlineData("small", 0.000001, "0.000001")]
    [InlineData("huge", 1e21, "1000000000000000000000")]
    [InlineData("fraction", 1.5, "1.5")]
    public void FloatPlain_Value_NeverUsesAnExponent(string scenario, double value, string expected)
    {
        Assert.NotNull(scenario);
        Assert.Equal(expected, GoFormat.FloatPlain(value));
    }

    [Theory]
    [InlineData("plain", "abc", "\"abc\"")]
    [InlineData("quotes and backslash", "a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("control characters", "a\nb\tc\u0001", "\"a\\nb\\tc\\x01\"")]
    [InlineData("printable unicode kept", "héllo", "\"héllo\"")]
    public void Quote_String_MatchesGoPercentQ(string scenario, string value, string expected)
    {
        Assert.NotNull(scenario);
        Assert.Equal(expected, GoFormat.Quote(value));
    }

    [Theory]
    [InlineData("9090", true)]
    [InlineData("-3", true)]
    [InlineData("9090.0", false)]
    [InlineData("1e3", false)]
    public void IsIntegerLiteral_JsonNumber_ByItsText(string json, bool expected)
    {
        Assert.Equal(expected, GoFormat.IsIntegerLiteral(JsonNode.Parse(json)!));
    }
}
