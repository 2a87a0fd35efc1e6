namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Delete.DeleteCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class DeleteCommandRemoteTests : Delete.DeleteCommandTests
{
    protected override bool Served => true;
}
