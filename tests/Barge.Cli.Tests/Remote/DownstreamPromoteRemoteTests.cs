namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Promote.DownstreamPromoteTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class DownstreamPromoteRemoteTests : Promote.DownstreamPromoteTests
{
    protected override bool Served => true;
}
