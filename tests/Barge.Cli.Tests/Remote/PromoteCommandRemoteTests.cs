namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Promote.PromoteCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class PromoteCommandRemoteTests : Promote.PromoteCommandTests
{
    protected override bool Served => true;
}
