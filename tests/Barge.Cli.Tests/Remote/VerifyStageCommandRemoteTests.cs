namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Verify.VerifyStageCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class VerifyStageCommandRemoteTests : Verify.VerifyStageCommandTests
{
    protected override bool Served => true;
}
