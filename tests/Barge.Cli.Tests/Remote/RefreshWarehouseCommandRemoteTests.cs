namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Warehouses.RefreshWarehouseCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class RefreshWarehouseCommandRemoteTests : Warehouses.RefreshWarehouseCommandTests
{
    protected override bool Served => true;
}
