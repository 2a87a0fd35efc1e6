using Barge.Engine.Promotion;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Promotion.Steps.Http;

public sealed class HttpStepTests : IAsyncDisposable
{
    private readonly TempDirectory temp = new("http");
    private HttpReply reply = new(200, """{"status":"done","count":3,"items":["a","b"]}""", "application/json");
    private readonly LocalHttpServer server;

    public HttpStepTests() => server = new LocalHttpServer(_ => reply);

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    private Task<StepResult> Run(string config) => StepRun.RunAsync("http", temp.Path, config.Replace("URL", server.At("api/x"), StringComparison.Ordinal));

    [Theory]
    [InlineData("no url", """{}""", "invalid http config: (root): url is required")]
    [InlineData("bad method", """{"url":"URL","method":"invalid"}""", "invalid http config: method: Does not match pattern '^(DELETE|GET|HEAD|PATCH|POST|PUT)$'")]
    [InlineData("bad timeout", """{"url":"URL","timeout":"invalid"}""", "invalid http config: timeout: Does not match pattern '(?:\\d+(ns|us|µs|ms|s|m|h))+'")]
    [InlineData("bad proxy", """{"url":"URL","proxy":"proxy.example.com:3000"}""", "invalid http config: proxy: Does not match pattern '^https?://.*$'")]
    [InlineData("bad content type", """{"url":"URL","responseContentType":"invalid"}""", "invalid http config: responseContentType: Does not match pattern '^(application/json|application/yaml|text/plain)$'")]
    [InlineData("both bodies", """{"url":"URL","body":"x","bodyFromFile":"f"}""", "invalid http config: (root): Must validate one and only one schema (oneOf)")]
    [InlineData("header without name", """{"url":"URL","headers":[{"value":"v"}]}""", "invalid http config: headers.0: name is required")]
    [InlineData("empty header value", """{"url":"URL","headers":[{"name":"n","value":""}]}""", "invalid http config: headers.0.value: String length must be greater than or equal to 1")]
    [InlineData("output without expression", """{"url":"URL","outputs":[{"name":"n"}]}""", "invalid http config: outputs.0: fromExpression is required")]
    public async Task RunAsync_InvalidConfig_FailsTerminally(string scenario, string config, string message)
    {
        Assert.NotNull(scenario);
        var result = await Run(config);

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.True(result.Terminal);
        Assert.Equal(message, result.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_Request_SendsMethodHeadersQueryAndBody()
    {
        var result = await Run("""
            {"url":"URL?z=1&a=2","method":"POST","body":"{\"x\":1}",
             "headers":[{"name":"Content-Type","value":"application/json"},{"name":"X-Token","value":"s3cr3t"}],
             "queryParams":[{"name":"m","value":"a b"}]}
            """);

        Assert.Equal(StepStatus.Succeeded, result.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/x?a=2&m=a+b&z=1", request.Target);
        Assert.Equal("s3cr3t", request.Headers["x-token"]);
        Assert.Equal("application/json", request.Headers["content-type"]);
        Assert.Equal("{\"x\":1}", request.Body);
        Assert.DoesNotContain("s3cr3t", result.Message ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BodyFromFile_SendsFileConfinedToWorkDirectory()
    {
        File.WriteAllText(temp.Combine("payload.json"), "{\"from\":\"file\"}");

        var result = await Run("""{"url":"URL","method":"PUT","bodyFromFile":"../../payload.json"}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("{\"from\":\"file\"}", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task RunAsync_Outputs_EvaluatedOverResponse()
    {
        reply = reply with { Headers = [new("X-Request-Id", "abc")] };

        var result = await Run("""
            {"url":"URL","successExpression":"response.status == 200",
             "outputs":[{"name":"status","fromExpression":"response.status"},{"name":"count","fromExpression":"response.body.count"},
                        {"name":"id","fromExpression":"response.header('x-request-id')"},{"name":"missing","fromExpression":"response.body.theMeaningOfLife"},
                        {"name":"all","fromExpression":"response.headers['X-Request-Id']"}]}
            """);

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal("200", result.Output!["status"]!.ToJsonString());
        Assert.Equal("3.0", result.Output["count"]!.ToJsonString());
        Assert.Equal("\"abc\"", result.Output["id"]!.ToJsonString());
        Assert.Null(result.Output["missing"]);
        Assert.Equal("[\"abc\"]", result.Output["all"]!.ToJsonString());
    }

    [Theory]
    [InlineData("no expressions, 2xx", 200, "", "", "Succeeded")]
    [InlineData("no expressions, 5xx repeats", 502, "", "", "Running")]
    [InlineData("success met", 200, "response.body.status == 'done'", "", "Succeeded")]
    [InlineData("neither met", 502, "response.status == 200", "response.status == 404", "Running")]
    [InlineData("failure met", 404, "response.status == 200", "response.status == 404", "Failed")]
    [InlineData("both met, failure wins", 200, "true", "true", "Failed")]
    [InlineData("only failure, not met", 500, "", "response.status == 404", "Running")]
    public async Task RunAsync_Criteria_DecideOutcome(string scenario, int status, string success, string failure, string outcome)
    {
        Assert.NotNull(scenario);
        var expected = Enum.Parse<StepStatus>(outcome);
        reply = reply with { Status = status };

        var result = await Run($$"""{"url":"URL","successExpression":"{{success}}","failureExpression":"{{failure}}"}""");

        Assert.Equal(expected, result.Status);
        if (expected == StepStatus.Failed)
        {
            Assert.True(result.Terminal);
            Assert.Equal($"HTTP ({status}) response met failure criteria", result.Message);
        }
        if (expected == StepStatus.Running)
        {
            Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        }
    }

    [Fact]
    public async Task RunAsync_PollInterval_SetsRetryAfter()
    {
        reply = reply with { Status = 502 };

        var result = await Run("""{"url":"URL","successExpression":"response.status == 200","pollInterval":"15s"}""");

        Assert.Equal(StepStatus.Running, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(15), result.RetryAfter);
    }

    [Fact]
    public async Task RunAsync_PollIntervalPassingUnanchoredPatternButInvalid_ErrorsWhenPolling()
    {
        reply = reply with { Status = 502 };

        var result = await Run("""{"url":"URL","successExpression":"response.status == 200","pollInterval":"every 10s"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal("error parsing pollInterval: time: invalid duration \"every 10s\"", result.Message);
    }

    [Theory]
    [InlineData("extracted", "response.body?.error ?? response.body?.errorMessage", "HTTP (400) response met failure criteria: \"it \\\"broke\\\"\"")]
    [InlineData("not a string", "response.status", "HTTP (400) response met failure criteria")]
    [InlineData("evaluation error", "response.body.nope.deeper", "HTTP (400) response met failure criteria")]
    public async Task RunAsync_ErrorExpression_ExtendsFailureMessage(string scenario, string expression, string message)
    {
        Assert.NotNull(scenario);
        reply = new HttpReply(400, """{"error":"it \"broke\""}""", "application/json");

        var result = await Run($$"""{"url":"URL","failureExpression":"response.status >= 400","errorExpression":"{{expression}}"}""");

        Assert.Equal(StepStatus.Failed, result.Status);
        Assert.Equal(message, result.Message);
    }

    [Theory]
    [InlineData("success compile error", """{"url":"URL","successExpression":"response.status =="}""", "error evaluating success criteria: error compiling success expression \"response.status ==\": ", true)]
    [InlineData("failure not boolean", """{"url":"URL","failureExpression":"response.status"}""", "error evaluating failure criteria: failure expression \"response.status\" did not evaluate to a boolean (got int)", false)]
    [InlineData("success evaluation error", """{"url":"URL","successExpression":"response.body.a.b.c"}""", "error evaluating success criteria: error evaluating success expression \"response.body.a.b.c\": ", false)]
    [InlineData("error expression compile error", """{"url":"URL","failureExpression":"true","errorExpression":"(("}""", "error compiling error expression \"((\": ", true)]
    [InlineData("output compile error", """{"url":"URL","outputs":[{"name":"o","fromExpression":"1 +"}]}""", "error compiling output expression \"o\": ", true)]
    [InlineData("output evaluation error", """{"url":"URL","outputs":[{"name":"o","fromExpression":"response.body.nope.deeper"}]}""", "error extracting outputs from HTTP response: error evaluating output expression \"o\": ", false)]
    public async Task RunAsync_BadExpression_Errors(string scenario, string config, string prefix, bool terminal)
    {
        Assert.NotNull(scenario);
        var result = await Run(config);

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal(terminal, result.Terminal);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text number stays string", "1", "text/plain", null, "response.body", "\"1\"")]
    [InlineData("unknown type with JSON", "{\"a\":1}", "application/octet-stream", null, "response.body.a", "1.0")]
    [InlineData("unknown type without JSON", "<html/>", "text/html; charset=utf-8", null, "response.body", "{}")]
    [InlineData("yaml", "a:\n  b: 2\n", "application/x-yaml", null, "response.body.a.b", "2.0")]
    [InlineData("forced content type", "{\"a\":\"x\"}", "text/plain", "application/json", "response.body.a", "\"x\"")]
    [InlineData("empty body", "", "application/json", null, "response.body", "{}")]
    [InlineData("json null", "null", "application/json", null, "response.body", "null")]
    public async Task RunAsync_ResponseBody_ParsedByMediaType(string scenario, string body, string contentType, string? forced, string expression, string expected)
    {
        Assert.NotNull(scenario);
        reply = new HttpReply(200, body, contentType);
        var force = forced is null ? "" : $",\"responseContentType\":\"{forced}\"";

        var result = await Run($$"""{"url":"URL"{{force}},"outputs":[{"name":"o","fromExpression":"{{expression}}"}]}""");

        Assert.Equal(StepStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!["o"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("invalid JSON", "{nope", "application/json", "error building expression context from HTTP response: failed to parse JSON response: ")]
    [InlineData("invalid YAML", "a: [1", "application/yaml", "error building expression context from HTTP response: failed to parse YAML response: ")]
    public async Task RunAsync_UnparsableBody_Errors(string scenario, string body, string contentType, string prefix)
    {
        Assert.NotNull(scenario);
        reply = new HttpReply(200, body, contentType);

        var result = await Run("""{"url":"URL"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.StartsWith(prefix, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeclaredBodyOverLimit_Errors()
    {
        reply = new HttpReply(200, "{}", "application/json", DeclaredLength: 3L * 1024 * 1024);

        var result = await Run("""{"url":"URL"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal("error building expression context from HTTP response: response body size 3145728 exceeds limit of 2097152 bytes", result.Message);
    }

    [Fact]
    public async Task RunAsync_UndeclaredBodyOverLimit_Errors()
    {
        reply = new HttpReply(200, "", "application/octet-stream", DeclaredLength: -1, RepeatBodyBytes: 2L * 1024 * 1024 + 1);

        var result = await Run("""{"url":"URL"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Equal("error building expression context from HTTP response: response body exceeds limit of 2097152 bytes", result.Message);
    }

    [Fact]
    public async Task RunAsync_SlowServer_TimesOutRetryably()
    {
        reply = reply with { Delay = TimeSpan.FromSeconds(5) };

        var result = await Run("""{"url":"URL","timeout":"200ms"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(result.Terminal);
        Assert.StartsWith("error sending HTTP request: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConnectionRefused_ErrorsRetryably()
    {
        var result = await StepRun.RunAsync("http", temp.Path, """{"url":"http://127.0.0.1:1/"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.False(result.Terminal);
        Assert.StartsWith("error sending HTTP request: ", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IPv4 link-local", "http://169.254.169.254/latest/meta-data/")]
    [InlineData("IPv6 link-local", "http://[fe80::1]/")]
    public async Task RunAsync_LinkLocalAddress_IsRefused(string scenario, string url)
    {
        Assert.NotNull(scenario);
        var result = await StepRun.RunAsync("http", temp.Path, $$"""{"url":"{{url}}","timeout":"2s"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.Contains("link-local addresses are not allowed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UrlWithCredentials_MessagesDoNotShowThem()
    {
        var result = await StepRun.RunAsync("http", temp.Path, """{"url":"http://user:hunter2@127.0.0.1:1/","timeout":"1s"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.DoesNotContain("hunter2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotHttpUrl_ErrorsTerminally()
    {
        var result = await StepRun.RunAsync("http", temp.Path, """{"url":"file:///etc/passwd"}""");

        Assert.Equal(StepStatus.Errored, result.Status);
        Assert.True(result.Terminal);
        Assert.StartsWith("error building HTTP request: ", result.Message, StringComparison.Ordinal);
    }
}
