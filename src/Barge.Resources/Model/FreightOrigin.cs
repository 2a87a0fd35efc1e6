using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Where a piece of Freight comes from: today always a Warehouse.</summary>
public sealed record FreightOrigin
{
    /// <summary>The origin's kind. The only supported value is <c>Warehouse</c>.</summary>
    public FreightOriginKind? Kind { get; init; }

    /// <summary>The origin's name (a Warehouse in the same project).</summary>
    public string? Name { get; init; }

    /// <summary><c>"&lt;Kind&gt;/&lt;Name&gt;"</c>, as Kargo's <c>FreightOrigin.String()</c> (a zero value gives <c>"/"</c>).</summary>
    public override string ToString() => (Kind?.ToString() ?? "") + "/" + (Name ?? "");
}

/// <summary>The kinds that can originate Freight.</summary>
[JsonConverter(typeof(KargoEnumConverter<FreightOriginKind>))]
public enum FreightOriginKind
{
    /// <summary>A Warehouse.</summary>
    Warehouse,
}
