using Barge.Cli.Hosting;
using Barge.Resources.Manifests;

namespace Barge.Cli.Apply;

/// <summary>Reads the <c>-f</c> sources of apply and delete into one set of documents and errors.</summary>
internal static class ManifestSources
{
    public const string StdinName = "<stdin>";

    public static async Task<ManifestReadResult> ReadAsync(CliContext cli, IReadOnlyList<string> sources, ManifestReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(sources);
        var reader = new ManifestReader(options);
        var documents = new List<ManifestDocument>();
        var errors = new List<ManifestError>();
        foreach (var source in sources)
        {
            var result = source == "-"
                ? await reader.ReadStreamAsync(cli.Input, StdinName, cancellationToken)
                : await reader.ReadPathAsync(source, cancellationToken);
            documents.AddRange(result.Documents);
            errors.AddRange(result.Errors);
        }
        return new ManifestReadResult(documents, errors);
    }

    /// <summary>Prints every problem on its own line, then one summary line; returns exit code 2.</summary>
    public static int ReportProblems(CliContext cli, IReadOnlyList<ManifestError> errors, string whatWasNotDone)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            cli.Error.WriteLine(error.ToString());
        }
        return cli.Fail(ExitCodes.BadInput, $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} found; {whatWasNotDone}");
    }
}
