using System.Text;
using System.Text.Json.Nodes;
using Barge.Resources.Durations;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>send-message</c> (Barge extension; Enterprise-only in Kargo): posts a notification. The
/// <c>message</c> is an already-evaluated template, so it can say "release v1.4.0 from grommet-release"
/// through <c>${{ }}</c> expressions. Channels:
/// <list type="bullet">
/// <item><c>webhook</c>: POST of a JSON document <c>{"message", "project", "stage", "promotion", "freight": [{"name", "origin": {"kind", "name"}}]}</c>;</item>
/// <item><c>slack</c>: POST of <c>{"text": message}</c> to a Slack-compatible incoming-webhook URL.</item>
/// </list>
/// <c>smtp</c> is not supported. A non-2xx answer is a retryable error; header values never appear in
/// messages or outputs. Output: <c>{"channel", "status"}</c>.
/// </summary>
internal sealed class SendMessageStep : IPromotionStep
{
    public string Kind => "send-message";

    private static readonly string[] Channels = ["webhook", "slack", "smtp"];

    private sealed record Config(
        string Channel,
        string Url,
        string Message,
        IReadOnlyList<HttpNameValue> Headers,
        bool InsecureSkipTlsVerify,
        string Timeout)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("channel", "message");
            root.AllowOnly("channel", "url", "message", "headers", "insecureSkipTLSVerify", "timeout");
            var channel = root.String("channel");
            if (channel is not null && Array.IndexOf(Channels, channel) < 0)
            {
                errors.Add(root.Field("channel"), root.Field("channel") + " must be one of the following: \"webhook\", \"slack\", \"smtp\"");
            }
            var url = root.String("url", minLength: 1);
            if (channel is "webhook" or "slack" && url is null && !json.ContainsKey("url"))
            {
                errors.Add("(root)", "url is required");
            }
            var message = root.String("message", minLength: 1);
            var headers = HttpNameValue.BindMap(root, "headers");
            var insecure = root.Bool("insecureSkipTLSVerify");
            var timeout = root.String("timeout");
            if (timeout is not null && !HttpDownloadStep.DurationPattern().IsMatch(timeout))
            {
                errors.Add(root.Field("timeout"), "Does not match pattern '(?:\\d+(ns|us|µs|ms|s|m|h))+'");
            }
            return errors.Any || channel is null || message is null
                ? null
                : new Config(channel, url ?? "", message, headers, insecure ?? false, timeout ?? "10s");
        }
    }

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (Config.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        if (cfg.Channel == "smtp")
        {
            return StepResult.Failed("send-message: channel \"smtp\" is not supported by Barge; use \"webhook\" or \"slack\"");
        }
        if (!GoDuration.TryParse(cfg.Timeout, out var timeout, out var durationError))
        {
            return StepResult.Failed($"error creating HTTP client: error parsing timeout: {durationError}");
        }
        if (HttpStepClient.BuildUri(cfg.Url, [], out var uriError) is not { } uri)
        {
            return StepResult.Failed($"error building HTTP request: {uriError}");
        }
        var payload = cfg.Channel == "slack" ? SlackPayload(cfg.Message) : WebhookPayload(context, cfg.Message);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var header in cfg.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                return StepResult.Failed($"error building HTTP request: invalid header name \"{header.Name}\"");
            }
        }
        using var client = HttpStepClient.Create(cfg.InsecureSkipTlsVerify, proxy: null);
        using var deadline = HttpStepClient.Deadline(timeout, cancellationToken);
        int status;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StepResult.Errored($"error sending {cfg.Channel} message to {HttpStepClient.Redact(cfg.Url)}: timed out after {cfg.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return StepResult.Errored($"error sending {cfg.Channel} message to {HttpStepClient.Redact(cfg.Url)}: {ex.Message}");
        }
        if (status is < 200 or > 299)
        {
            return StepResult.Errored($"error sending {cfg.Channel} message to {HttpStepClient.Redact(cfg.Url)}: HTTP ({status}) response");
        }
        return StepResult.Succeeded(new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["channel"] = cfg.Channel,
            ["status"] = status,
        });
    }

    private static JsonObject SlackPayload(string message) => new() { ["text"] = message };

    private static JsonObject WebhookPayload(StepContext context, string message)
    {
        var freight = new JsonArray();
        foreach (var item in context.Freight)
        {
            freight.Add(new JsonObject
            {
                ["name"] = item.Name,
                ["origin"] = new JsonObject { ["kind"] = item.Origin.Kind, ["name"] = item.Origin.Name },
            });
        }
        return new JsonObject
        {
            ["message"] = message,
            ["project"] = context.Project,
            ["stage"] = context.Stage,
            ["promotion"] = context.Promotion,
            ["freight"] = freight,
        };
    }
}
