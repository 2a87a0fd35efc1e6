using Barge.Engine.Pipeline;
using Xunit;

namespace Barge.Engine.Tests.Pipeline;

public sealed class PromotionAbortRequestTests
{
    [Theory]
    [InlineData("bare action", "terminate", true, "Promotion terminated per user request")]
    [InlineData("JSON with actor", """{"action":"terminate","actor":"email:ann@example.com","controlPlane":true}""", true, "Promotion terminated by email:ann@example.com")]
    [InlineData("unknown action is parsed, not acted on", "pause", false, "Promotion terminated per user request")]
    public void Parse_BothForms_MessageNamesTheActor(string name, string value, bool terminates, string message)
    {
        Assert.NotEmpty(name);

        var request = PromotionAbortRequest.Parse(value)!;

        Assert.Equal((terminates, message), (request.Terminates, request.Message));
    }

    [Theory]
    [InlineData("absent", null)]
    [InlineData("JSON without action", """{"actor":"admin"}""")]
    [InlineData("JSON that is not an object", "true")]
    public void Parse_NoAction_Null(string name, string? value)
    {
        Assert.NotEmpty(name);

        Assert.Null(PromotionAbortRequest.Parse(value));
    }
}
