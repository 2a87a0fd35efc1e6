using System.Net;
using System.Text;
using System.Text.Json;

namespace Barge.Server.Tests.Api;

/// <summary>
/// What the operation routes add for the CLI's remote mode: the engine's refusal <c>reason</c> next to Kargo's
/// status, the verification's sentence, and the downstream result's message.
/// </summary>
public sealed class OperationRoutesRemoteTests
{
    [Theory]
    [InlineData("reverify a Stage with no Freight", "/v1beta1/projects/p1/stages/dev/verification", "", 409, "Conflict", "Stage \"dev\" in project \"p1\" has no current Freight")]
    [InlineData("reverify an unknown Stage", "/v1beta1/projects/p1/stages/qa/verification", "", 404, "NotFound", "Stage \"qa\" not found in project \"p1\"")]
    [InlineData("abort an unknown Stage", "/v1beta1/projects/p1/stages/qa/verification/abort", "", 404, "NotFound", "Stage \"qa\" not found in project \"p1\"")]
    [InlineData("downstream of unknown freight", "/v1beta1/projects/p1/stages/dev/promotions/downstream", "{\"freight\":\"nope\"}", 404, "NotFound", "Freight with name or alias \"nope\" not found in project \"p1\"")]
    [InlineData("downstream without downstream stages", "/v1beta1/projects/p1/stages/dev/promotions/downstream", "{\"freightAlias\":\"first-one\"}", 404, "NotFound", null)]
    public async Task Operation_Refused_CarriesTheEngineReason(string scenario, string path, string body, int status, string reason, string? message)
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client();

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{scenario}: {(int)response.StatusCode} {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        if (message is not null)
        {
            Assert.Equal(message, problem.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Reverify_CurrentVerification_AnswersWhatWasRequested()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var dev = (await server.Store.GetAsync(new Barge.Storage.ResourceKey("Stage", "p1", "dev")))!;
        using var status = JsonDocument.Parse("""
            {"freightHistory":[{"id":"c1","items":{"Warehouse/w1":{"name":"f1","origin":{"kind":"Warehouse","name":"w1"}}},
              "verificationHistory":[{"id":"v-1","phase":"Failed"}]}]}
            """);
        await server.Store.UpdateStatusAsync(dev.Key, dev.ResourceVersion, status.RootElement.Clone());
        using var client = server.Client(await server.TokenAsync("releaser", "promoter@p1"));

        using var first = await client.PostAsync("/v1beta1/projects/p1/stages/dev/verification", null);
        using var second = await client.PostAsync("/v1beta1/projects/p1/stages/dev/verification", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Stage \"dev\" in project \"p1\": re-verification of verification \"v-1\" requested",
            JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("Stage \"dev\" in project \"p1\": re-verification of \"v-1\" is already requested",
            JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }
}
