using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.SendMessage;

public sealed class SendMessageStepTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new("send-message");
    private HttpReply reply = new(200, "ok", "text/plain");
    private readonly LocalHttpServer server;

    public SendMessageStepTests() => server = new LocalHttpServer(_ => reply);

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    private StepContext Context => new(
        temp.Path, "grommet", "dev", "dev.01j2.abc1234",
        [new PromotedFreight("abc1234", new FreightOrigin("Warehouse", "grommet-release"), [], [])],
        [], new Dictionary<string, WarehouseSubscriptions>(StringComparer.Ordinal));

    private Task<StepResult> Run(string config) => StepRun.RunAsync("send-message", Context, config.Replace("URL", server.At("hooks/T000/B000"), StringComparison.Ordinal));

    [Theory]
    [InlineData("no channel", """{"message":"m"}""", "invalid send-message config: (root): channel is required")]
    [InlineData("unknown channel", """{"channel":"pigeon","url":"URL","message":"m"}""", "invalid send-message config: channel: channel must be one of the following: \"webhook\", \"slack\", \"smtp\"")]
    [InlineData("no url", """{"channel":"slack","message":"m"}""", "invalid send-message config: (root): url is required")]
    [InlineData("empty message", """{"channel":"webhook","url":"URL","message":""}""", "invalid send-message config: message: String length must be greater than or equal to 1")]
    [InlineData("header not a string", """{"channel":"webhook","url":"URL","message":"m","headers":{"X":1}}""", "invalid send-message config: headers.X: Invalid type. Expected: string, given: integer")]
    [InlineData("smtp", """{"channel":"smtp","message":"m"}""", "send-message: channel \"smtp\" is not supported by Barge; use \"webhook\" or \"slack\"")]
    public async Task RunAsync_RejectedConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await Run(config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_Slack_PostsTextPayload()
    {
        var result = await Run("""{"channel":"slack","url":"URL","message":"release v1.4.0 from grommet-release"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/T000/B000", request.Target);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("""{"text":"release v1.4.0 from grommet-release"}""", request.Body);
        Assert.Equal("""{"channel":"slack","status":200}""", new JsonObject(result.Output!.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
    }

    [Fact]
    public async Task RunAsync_Webhook_PostsPromotionContextAndHeaders()
    {
        var result = await Run("""{"channel":"webhook","url":"URL","message":"deployed","headers":{"X-Signature":"s3cr3t"}}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("s3cr3t", request.Headers["x-signature"]);
        Assert.Equal(
            """{"message":"deployed","project":"grommet","stage":"dev","promotion":"dev.01j2.abc1234","freight":[{"name":"abc1234","origin":{"kind":"Warehouse","name":"grommet-release"}}]}""",
            request.Body);
    }

    [Theory]
    [InlineData("server error", 500)]
    [InlineData("unauthorised", 403)]
    public async Task RunAsync_Non2xx_ErrorsRetryablyWithoutSecrets(string scenario, int status)
    {
        Assert.NotNull(scenario);
        reply = new HttpReply(status, "token s3cr3t rejected");

        var result = await Run("""{"channel":"webhook","url":"URL","message":"m","headers":{"Authorization":"Bearer s3cr3t"}}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(result.Terminal);
        Assert.EndsWith($"HTTP ({status}) response", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CredentialsInUrl_NotShownInMessage()
    {
        var result = await StepRun.RunAsync("send-message", Context, """{"channel":"slack","url":"http://bot:hunter2@127.0.0.1:1/hook","message":"m","timeout":"1s"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.DoesNotContain("hunter2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SlowReceiver_TimesOut()
    {
        reply = reply with { Delay = TimeSpan.FromSeconds(5) };

        var result = await Run("""{"channel":"slack","url":"URL","message":"m","timeout":"200ms"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.EndsWith("timed out after 200ms", result.Message, StringComparison.Ordinal);
    }
}
