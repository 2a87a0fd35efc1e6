namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Get.GetCommandTests"/> test, with apply and get going through a <c>barge serve</c>.</summary>
public sealed class GetCommandRemoteTests : Get.GetCommandTests
{
    protected override bool Served => true;
}
