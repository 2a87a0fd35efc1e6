namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Approve.ApproveCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class ApproveCommandRemoteTests : Approve.ApproveCommandTests
{
    protected override bool Served => true;
}
