using Barge.Cli.Hosting;

namespace Barge.Cli.Remote;

/// <summary>How a failed API call reaches the user: the server's validation lines, then one <c>error:</c> line.</summary>
internal static class RemoteReport
{
    public static int Fail(CliContext cli, RemoteFailure failure)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(failure);
        // A message that already is every problem, one a line (the engine's own refusal), is printed once.
        var listed = string.Join("\n", failure.Details) == failure.Message;
        foreach (var detail in failure.Details.Where(d => !listed && d != failure.Message))
        {
            cli.Error.WriteLine(detail);
        }
        return cli.Fail(failure.ExitCode, failure.Message);
    }
}
