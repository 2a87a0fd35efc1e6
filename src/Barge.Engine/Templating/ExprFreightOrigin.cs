namespace Barge.Engine.Templating;

/// <summary>What <c>warehouse(name)</c> returns: Kargo's <c>FreightOrigin</c>, read as <c>.Kind</c> and <c>.Name</c>.</summary>
internal sealed record ExprFreightOrigin(string Kind, string Name)
{
    public override string ToString() => Kind + "/" + Name;
}
