using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>The bound configuration of the <c>http</c> step, with Kargo's keys, defaults and schema messages.</summary>
internal sealed partial record HttpStepConfig(
    string Url,
    string Method,
    IReadOnlyList<HttpNameValue> Headers,
    IReadOnlyList<HttpNameValue> QueryParams,
    string Body,
    string? BodyFromFile,
    bool InsecureSkipTlsVerify,
    string? Proxy,
    string Timeout,
    string PollInterval,
    string? ResponseContentType,
    string? SuccessExpression,
    string? FailureExpression,
    string? ErrorExpression,
    IReadOnlyList<StepOutputExpression> Outputs)
{
    public static HttpStepConfig? Bind(StepConfigErrors errors, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = errors.Root(json);
        root.Require("url");
        root.AllowOnly("url", "method", "headers", "queryParams", "body", "bodyFromFile", "insecureSkipTLSVerify", "proxy",
            "timeout", "pollInterval", "responseContentType", "successExpression", "failureExpression", "errorExpression", "outputs");
        var url = root.String("url", minLength: 1);
        var method = Pattern(root, "method", MethodPattern(), "^(DELETE|GET|HEAD|PATCH|POST|PUT)$");
        var headers = HttpNameValue.BindList(root, "headers");
        var queryParams = HttpNameValue.BindList(root, "queryParams");
        var body = root.String("body");
        var bodyFromFile = root.String("bodyFromFile", minLength: 1);
        if (!string.IsNullOrEmpty(body) && !string.IsNullOrEmpty(bodyFromFile))
        {
            root.Add("Must validate one and only one schema (oneOf)");
        }
        var insecure = root.Bool("insecureSkipTLSVerify");
        var proxy = Pattern(root, "proxy", ProxyPattern(), "^https?://.*$");
        var timeout = Pattern(root, "timeout", HttpDownloadStep.DurationPattern(), "(?:\\d+(ns|us|µs|ms|s|m|h))+");
        var pollInterval = Pattern(root, "pollInterval", HttpDownloadStep.DurationPattern(), "(?:\\d+(ns|us|µs|ms|s|m|h))+");
        var contentType = Pattern(root, "responseContentType", ContentTypePattern(), "^(application/json|application/yaml|text/plain)$");
        var success = root.String("successExpression");
        var failure = root.String("failureExpression");
        var error = root.String("errorExpression");
        var outputs = StepOutputExpression.BindList(root, minItems: 0);
        return errors.Any || url is null
            ? null
            : new HttpStepConfig(url, method ?? "GET", headers, queryParams, body ?? "", bodyFromFile, insecure ?? false, proxy,
                timeout ?? "10s", pollInterval ?? "30s", contentType, success, failure, error, outputs);
    }

    private static string? Pattern(ConfigObject root, string name, Regex pattern, string shown)
    {
        var value = root.String(name);
        if (value is not null && !pattern.IsMatch(value))
        {
            root.Errors.Add(root.Field(name), "Does not match pattern '" + shown + "'");
        }
        return value;
    }

    [GeneratedRegex("^(DELETE|GET|HEAD|PATCH|POST|PUT)$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();

    [GeneratedRegex("^https?://.*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProxyPattern();

    [GeneratedRegex("^(application/json|application/yaml|text/plain)$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentTypePattern();
}
