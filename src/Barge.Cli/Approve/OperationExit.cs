using Barge.Cli.Hosting;
using Barge.Engine.Operations;

namespace Barge.Cli.Approve;

/// <summary>How an operation's refusal becomes an exit code: bad input is 2 (nothing changed), the rest 1.</summary>
internal static class OperationExit
{
    public static int Code(OperationFailure failure) => failure switch
    {
        OperationFailure.None => ExitCodes.Success,
        OperationFailure.BadInput => ExitCodes.BadInput,
        _ => ExitCodes.Failed,
    };
}
