using System.Text;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>yaml-merge</c>: merges the first document of each input file into the first one (mappings
/// recursively, later scalars and sequences win, an explicit null removes a key, new keys appended in
/// byte-wise order) and writes the result in kyaml's layout. Kubernetes strategic-merge rules for
/// lists and <c>$patch</c> directives are not supported and are reported as such.
/// </summary>
internal sealed class YamlMergeStep : IPromotionStep
{
    public string Kind => "yaml-merge";

    public bool HasSideEffects => false;

    private sealed record Config(IReadOnlyList<string> InFiles, string OutFile, bool IgnoreMissingFiles)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("inFiles", "outFile");
            root.AllowOnly("inFiles", "outFile", "ignoreMissingFiles");
            var inFiles = root.StringArray("inFiles", minItems: 1);
            var outFile = root.String("outFile", minLength: 1);
            var ignoreMissing = root.Bool("ignoreMissingFiles") ?? false;
            return errors.Any || inFiles is null || outFile is null ? null : new Config(inFiles, outFile, ignoreMissing);
        }
    }

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        if (Config.Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (inFiles, outFile, ignoreMissing) = cfg;
        var work = context.WorkDirectory;
        var used = new List<(string Shown, string Full)>();
        try
        {
            foreach (var inFile in inFiles)
            {
                var full = SafePath.Join(work, inFile);
                if (!SafePath.EntryExists(full))
                {
                    if (ignoreMissing)
                    {
                        continue;
                    }
                    return StepResult.Errored($"input file \"{inFile}\" not found: stat {full}: no such file or directory");
                }
                used.Add((inFile, full));
            }
        }
        catch (IOException ex)
        {
            return StepResult.Errored("error merging YAML files: " + ex.Message);
        }
        YamlTreeNode? merged = null;
        foreach (var (_, full) in used)
        {
            var (text, readError) = await StepFiles.TryReadTextAsync(full, cancellationToken);
            if (text is null)
            {
                return StepResult.Errored($"error merging YAML files: error reading input file {full}: {readError}");
            }
            if (!YamlTreeReader.TryRead(text, out var document, out var parseError))
            {
                return StepResult.Errored($"error merging YAML files: error reading input file {full}: {parseError}");
            }
            if (document is null)
            {
                continue;
            }
            if (Unsupported(document) is { } unsupported)
            {
                return StepResult.Errored($"error merging YAML files: error merging in file {full}: {unsupported}");
            }
            merged = merged is null ? document : YamlTreeMerge.Merge(merged, document);
        }
        string target;
        try
        {
            target = SafePath.Join(work, outFile);
        }
        catch (IOException ex)
        {
            return StepResult.Errored("error merging YAML files: " + ex.Message);
        }
        if (StepFiles.IsInGitMetadata(work, target))
        {
            return StepResult.Failed(StepFiles.GitMetadataError(outFile));
        }
        try
        {
            var parent = Path.GetDirectoryName(target)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(parent);
            }
            else
            {
                Directory.CreateDirectory(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            if (new FileInfo(target).LinkTarget is not null)
            {
                File.Delete(target);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"error writing merged YAML to {outFile}: {ex.Message}");
        }
        if (await StepFiles.TryWriteTextAsync(target, YamlTreeWriter.Write(merged), cancellationToken) is { } writeError)
        {
            return StepResult.Errored($"error writing merged YAML to {outFile}: {writeError}");
        }
        if (used.Count == 0)
        {
            return StepResult.Succeeded();
        }
        var message = used.Count == 1
            ? new StringBuilder($"Wrote {used[0].Shown} to {outFile}")
            : new StringBuilder($"Merged {used.Count} YAML files to {outFile}");
        if (used.Count > 1)
        {
            foreach (var (shown, _) in used)
            {
                message.Append("\n- ").Append(shown);
            }
        }
        return StepResult.SucceededWithCommitMessage(message.ToString());
    }

    /// <summary>Why a document needs merge rules Barge does not implement, or null.</summary>
    private static string? Unsupported(YamlTreeNode document)
    {
        if (document is YamlTreeMapping mapping
            && mapping["apiVersion"] is YamlTreeScalar apiVersion && mapping["kind"] is YamlTreeScalar
            && IsKubernetesBuiltinGroup(apiVersion.Value) && ContainsSequence(mapping))
        {
            return $"strategic merge of lists in Kubernetes {apiVersion.Value} documents is not supported";
        }
        return HasPatchDirective(document) ? "$patch directives are not supported" : null;
    }

    private static bool IsKubernetesBuiltinGroup(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return apiVersion.Length > 0;
        }
        var group = apiVersion[..slash];
        return !group.Contains('.', StringComparison.Ordinal) || group.EndsWith(".k8s.io", StringComparison.Ordinal);
    }

    private static bool ContainsSequence(YamlTreeNode node) => node switch
    {
        YamlTreeSequence => true,
        YamlTreeMapping m => m.Entries.Any(e => ContainsSequence(e.Value)),
        _ => false,
    };

    private static bool HasPatchDirective(YamlTreeNode node) => node switch
    {
        YamlTreeMapping m => m.Entries.Any(e => e.Key.Value == "$patch" || HasPatchDirective(e.Value)),
        YamlTreeSequence s => s.Items.Any(HasPatchDirective),
        _ => false,
    };
}
