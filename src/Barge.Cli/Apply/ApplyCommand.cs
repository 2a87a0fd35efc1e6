using System.Text.Json.Nodes;
using Barge.Cli.Configuration;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Credentials;
using Barge.Engine.Manifests;
using Barge.Resources.Manifests;
using Barge.Resources.Model;
using Barge.Resources.Serialization;

namespace Barge.Cli.Apply;

/// <summary>
/// <c>barge apply -f FILE|DIR|-</c>: creates or updates every document, all or nothing, and prints
/// <c>kind/name created|configured|unchanged</c> per document. Namespaced documents without
/// <c>metadata.namespace</c> go to the project of <c>-p</c> or <c>barge config set-project</c>.
/// </summary>
internal sealed class ApplyCommand(CliContext cli) : BargeCommand<ApplySettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(ApplySettings settings, CancellationToken cancellationToken)
    {
        var (documents, exitCode) = await ReadAsync(settings, cancellationToken);
        if (documents is null)
        {
            return exitCode;
        }
        SecretCipher? cipher = null;
        if (documents.Any(d => d.Resource is Secret) && !SecretKeys.TryOpen(Cli, out cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "Secrets are encrypted at rest and the key is not usable: " + keyError + "; nothing was applied");
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var result = await new ManifestApplier(store, Random.Shared, cipher).ApplyAsync(documents, cancellationToken);
        if (result.Errors.Count > 0)
        {
            return ManifestSources.ReportProblems(Cli, result.Errors, "nothing was applied");
        }
        if (result.StoreFailure is not null)
        {
            return Cli.Fail(ExitCodes.Failed, result.StoreFailure);
        }
        foreach (var applied in result.Applied)
        {
            Cli.Output.WriteLine(applied.ToString());
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Remote mode: the documents are read and checked here exactly as embedded mode reads them (so a
    /// bad file gets the same file:line message and nothing is sent), then sent as one all-or-nothing
    /// <c>PUT /v1beta1/resources?upsert=true</c> with every project filled in.
    /// </summary>
    protected override async Task<int> RunRemoteAsync(ApplySettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        var (documents, exitCode) = await ReadAsync(settings, cancellationToken);
        if (documents is null)
        {
            return exitCode;
        }
        // The project check embedded mode's batch validation makes first, with its file:line messages; the
        // server validates the rest (and this again) and names each problem's document and field.
        var inBatch = documents.Where(d => d.Resource is Project).Select(d => d.Resource.Name).ToHashSet(StringComparer.Ordinal);
        var missing = new List<ManifestError>();
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => ResourceKinds.Of(d.Resource).Namespaced && d.Resource.Project.Length > 0 && !inBatch.Contains(d.Resource.Project)))
        {
            var project = document.Resource.Project;
            if (!known.TryGetValue(project, out var exists))
            {
                var found = await client.GetAsync(BargeClient.Api("projects", project), cancellationToken);
                if (found.Failure is { Status: not 404 } readFailure)
                {
                    return Fail(readFailure);
                }
                known[project] = exists = found.Succeeded;
            }
            if (!exists)
            {
                missing.Add(document.Error("metadata.namespace", $"project \"{project}\" not found"));
            }
        }
        if (missing.Count > 0)
        {
            return ManifestSources.ReportProblems(Cli, missing, "nothing was applied");
        }
        var body = string.Join("\n---\n", documents.Select(d => ResourceSerializer.ToJson(d.Resource)));
        var sent = await client.SendAsync(HttpMethod.Put, BargeClient.Api("resources") + "?upsert=true", new StringContent(body, System.Text.Encoding.UTF8, "application/yaml"), cancellationToken);
        if (sent.Failure is { Status: 400 } invalid && invalid.FieldProblems.Count > 0 && invalid.FieldProblems.Count == invalid.Details.Count
            && invalid.FieldProblems.All(p => p.Document >= 1 && p.Document <= documents.Count))
        {
            // The server's validation of the whole batch (the same ManifestApplier as embedded mode), each
            // problem placed at its field's file:line:column in the files read here.
            return ManifestSources.ReportProblems(Cli, [.. invalid.FieldProblems.Select(p => documents[p.Document - 1].Error(p.Path, p.Message))], "nothing was applied");
        }
        if (sent.Failure is { } failure)
        {
            return Fail(failure.Status == 400 && failure.Details.Count > 0
                ? failure with { Message = $"{failure.Details.Count} problem{(failure.Details.Count == 1 ? "" : "s")} found; nothing was applied" }
                : failure);
        }
        foreach (var result in (sent.Value?["results"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var (manifest, outcome) = result["createdResourceManifest"] is JsonObject created ? (created, "created") : (result["updatedResourceManifest"] as JsonObject, "configured");
            if (manifest is null)
            {
                continue;
            }
            var stored = RemoteManifests.ToStored(manifest);
            var applied = outcome == "created" ? ApplyOutcome.Created
                : result["unchanged"] is JsonValue unchanged && unchanged.TryGetValue<bool>(out var same) && same ? ApplyOutcome.Unchanged
                : ApplyOutcome.Configured;
            Cli.Output.WriteLine(new AppliedResource(stored.Key, stored.ApiVersion, applied, stored).ToString());
        }
        return ExitCodes.Success;
    }

    private async Task<(IReadOnlyList<ManifestDocument>? Documents, int ExitCode)> ReadAsync(ApplySettings settings, CancellationToken cancellationToken)
    {
        if (settings.Files.Length == 0)
        {
            return (null, Cli.Fail(ExitCodes.BadInput, "give the manifests to apply with -f FILE, -f DIR or -f - (stdin)"));
        }
        var defaultProject = settings.Project;
        if (string.IsNullOrEmpty(defaultProject))
        {
            var config = CliConfig.Load(Cli.Home, out var configError);
            if (configError is not null)
            {
                return (null, Cli.Fail(ExitCodes.BadInput, configError));
            }
            defaultProject = config.Project;
        }

        var read = await ManifestSources.ReadAsync(Cli, settings.Files, new ManifestReaderOptions { DefaultProject = defaultProject, Time = Cli.Time }, cancellationToken);
        if (!read.Succeeded)
        {
            return (null, ManifestSources.ReportProblems(Cli, read.Errors, "nothing was applied"));
        }
        if (!string.IsNullOrEmpty(settings.Project))
        {
            // As kubectl: -p names the project of every namespaced document; a document that says
            // otherwise is a mistake, not something to move silently.
            var elsewhere = read.Documents
                .Where(d => ResourceKinds.Of(d.Resource).Namespaced && d.Resource.Project != settings.Project)
                .Select(d => d.Error("metadata.namespace", $"the document's project \"{d.Resource.Project}\" does not match -p \"{settings.Project}\""))
                .ToList();
            if (elsewhere.Count > 0)
            {
                return (null, ManifestSources.ReportProblems(Cli, elsewhere, "nothing was applied"));
            }
        }
        if (read.Documents.Count == 0)
        {
            return (null, Cli.Fail(ExitCodes.BadInput, $"no resources found in {string.Join(", ", settings.Files)}"));
        }

        return (read.Documents, ExitCodes.Success);
    }
}
