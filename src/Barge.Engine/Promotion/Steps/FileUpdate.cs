using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>One update of a file: a key path and the evaluated value (null for JSON <c>null</c>).</summary>
internal sealed record FileUpdate(string Key, JsonNode? Value);
