using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>An argument of an analysis template.</summary>
public sealed record AnalysisTemplateArgument
{
    /// <summary>The argument's name.</summary>
    public string? Name { get; init; }

    /// <summary>The default value; the Stage must give one when absent.</summary>
    public string? Value { get; init; }

    /// <summary>Fields Barge does not support (<c>valueFrom</c>); validation rejects each.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unsupported { get; init; }
}
