using System.Text.Json.Nodes;

namespace Barge.Server.Webhooks;

/// <summary>What a receiver answers: a status and a JSON body (Kargo's <c>{"msg":…}</c> / <c>{"error":…}</c> shapes).</summary>
internal sealed record WebhookReply(int Status, JsonNode Body)
{
    public static WebhookReply Message(string message) => new(200, new JsonObject { ["msg"] = message });

    public static WebhookReply Error(int status, string message) => new(status, new JsonObject { ["error"] = message });

    /// <summary>Kargo's body-less answer: <c>{}</c>.</summary>
    public static WebhookReply Empty(int status) => new(status, new JsonObject());
}
