namespace Barge.Engine.Promotion;

/// <summary>Where Freight comes from: <c>{kind: Warehouse, name: …}</c>.</summary>
internal sealed record FreightOrigin(string Kind, string Name)
{
    public override string ToString() => Kind + "/" + Name;
}
