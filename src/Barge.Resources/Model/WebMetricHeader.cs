namespace Barge.Resources.Model;

/// <summary>One request header of a web metric.</summary>
public sealed record WebMetricHeader
{
    /// <summary>The header name.</summary>
    public string? Key { get; init; }

    /// <summary>The header value; may contain <c>{{args.name}}</c>.</summary>
    public string? Value { get; init; }
}
