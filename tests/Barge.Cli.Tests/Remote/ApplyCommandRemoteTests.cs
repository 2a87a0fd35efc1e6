namespace Barge.Cli.Tests.Remote;

/// <summary>Every <see cref="Apply.ApplyCommandTests"/> test, with the commands going through a <c>barge serve</c>.</summary>
public sealed class ApplyCommandRemoteTests : Apply.ApplyCommandTests
{
    protected override bool Served => true;
}
