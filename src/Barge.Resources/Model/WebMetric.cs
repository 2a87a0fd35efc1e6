using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>An HTTP measurement: the request, and where the result sits in the JSON response.</summary>
public sealed record WebMetric
{
    /// <summary>The URL (http or https); may contain <c>{{args.name}}</c>.</summary>
    public string? Url { get; init; }

    /// <summary>GET, POST or PUT. Default: GET.</summary>
    public string? Method { get; init; }

    /// <summary>Request headers; values may contain <c>{{args.name}}</c>.</summary>
    public List<WebMetricHeader>? Headers { get; init; }

    /// <summary>The request body (POST/PUT); may contain <c>{{args.name}}</c>.</summary>
    public string? Body { get; init; }

    /// <summary>The JSON path of the result in the response, e.g. <c>{$.data.ok}</c>. Default: the whole body.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Request timeout in seconds. Default: 10.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Skip TLS certificate verification. Default: false.</summary>
    public bool Insecure { get; init; }

    /// <summary>Fields Barge does not support (<c>jsonBody</c>, <c>authentication</c>); validation rejects each.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unsupported { get; init; }
}
