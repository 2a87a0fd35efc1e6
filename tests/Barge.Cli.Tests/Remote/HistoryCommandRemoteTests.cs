namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="History.HistoryCommandTests"/> test, with apply and history going through a <c>barge serve</c>.</summary>
public sealed class HistoryCommandRemoteTests : History.HistoryCommandTests
{
    protected override bool Served => true;
}
