namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Apply.ApplyBadInputTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class ApplyBadInputRemoteTests : Apply.ApplyBadInputTests
{
    protected override bool Served => true;
}
