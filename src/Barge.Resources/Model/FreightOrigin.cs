namespace Barge.Resources.Model;

/// <summary>Where a piece of Freight comes from: today always a Warehouse.</summary>
public sealed record FreightOrigin
{
    /// <summary>The only kind Kargo accepts in manifests.</summary>
    public const string WarehouseKind = "Warehouse";

    /// <summary>
    /// The origin's kind. Validation accepts only <c>Warehouse</c>; the model keeps any string because
    /// the Freight ID hashes whatever kind it is given.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>The origin's name (a Warehouse in the same project).</summary>
    public string? Name { get; init; }

    /// <summary><c>"&lt;Kind&gt;/&lt;Name&gt;"</c>, as Kargo's <c>FreightOrigin.String()</c> (a zero value gives <c>"/"</c>).</summary>
    public override string ToString() => (Kind ?? "") + "/" + (Name ?? "");
}
