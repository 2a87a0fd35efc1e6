namespace Barge.Server.Api;

/// <summary>
/// The body of <c>POST …/stages/{stage}/promotions</c>: exactly one of <see cref="Freight"/> (a Freight
/// name), <see cref="FreightAlias"/> or <see cref="Origin"/> (<c>Warehouse/&lt;name&gt;</c>: the newest
/// Freight of that Warehouse available to the Stage). Empty strings count as absent.
/// </summary>
public sealed record PromoteBody(string? Freight, string? FreightAlias, string? Origin);
