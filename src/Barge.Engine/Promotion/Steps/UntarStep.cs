using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>untar</c>: extracts a tar file (gzip detected by its magic bytes) into a temporary directory of
/// the work directory, then replaces <c>outPath</c> with it. Only files, directories and symlinks are
/// extracted; entries with absolute names, <c>..</c> components or backslashes are skipped, as are
/// symlinks whose target is absolute or climbs with <c>..</c>, so nothing lands or points outside the
/// destination. Unlike Kargo (whose rules never match), <c>ignore</c> holds working gitignore rules
/// and <c>.git</c> is excluded by default.
/// </summary>
internal sealed class UntarStep : IPromotionStep
{
    public string Kind => "untar";

    public bool HasSideEffects => false;

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private sealed record Config(string InPath, string OutPath, int StripComponents, string? Ignore)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("inPath", "outPath");
            root.AllowOnly("inPath", "outPath", "stripComponents", "ignore");
            var inPath = root.String("inPath", minLength: 1);
            var outPath = root.String("outPath", minLength: 1);
            var ignore = root.String("ignore", minLength: 1);
            var strip = 0;
            if (json.TryGetPropertyValue("stripComponents", out var node))
            {
                var type = ConfigObject.TypeName(node);
                if (type != "integer")
                {
                    errors.Add(root.Field("stripComponents"), "Invalid type. Expected: integer, given: " + type);
                }
                else if (Formats.GoFormat.ToDouble(node!) is var value && value < 0)
                {
                    errors.Add(root.Field("stripComponents"), "Must be greater than or equal to 0");
                }
                else
                {
                    strip = (int)Math.Min(value, int.MaxValue);
                }
            }
            return errors.Any || inPath is null || outPath is null ? null : new Config(inPath, outPath, strip, ignore);
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
        var work = Path.TrimEndingDirectorySeparator(Path.GetFullPath(context.WorkDirectory));
        string source, target;
        try
        {
            source = SafePath.Join(work, cfg.InPath);
            target = SafePath.Join(work, cfg.OutPath);
        }
        catch (IOException ex)
        {
            return StepResult.Errored($"failed to resolve paths: {ex.Message}");
        }
        if (target == work)
        {
            return StepResult.Failed($"untar outPath \"{cfg.OutPath}\" is the work directory itself; it would be replaced entirely");
        }
        if (StepFiles.IsInGitMetadata(work, target))
        {
            return StepResult.Failed($"failed to create directory \"{cfg.OutPath}\": " + StepFiles.GitMetadataError(cfg.OutPath));
        }
        var temporary = Path.Combine(work, ".untar-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        try
        {
            Directory.CreateDirectory(temporary);
            try
            {
                var extraction = new Extraction(temporary, cfg.StripComponents, new IgnoreRules(cfg.Ignore), cancellationToken);
                await extraction.RunAsync(source);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                return StepResult.Errored($"failed to extract tar file \"{source}\": {Describe(ex, source)}");
            }
            try
            {
                if (new FileInfo(target).LinkTarget is not null || File.Exists(target))
                {
                    File.Delete(target);
                }
                else if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }
                CreateDirectory(Path.GetDirectoryName(target)!);
                Directory.Move(temporary, target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return StepResult.Errored($"failed to create directory \"{cfg.OutPath}\": {ex.Message}");
            }
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
        return StepResult.Succeeded();
    }

    private static string Describe(Exception ex, string source) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"open {source}: no such file or directory",
        ExtractionLimitException => ex.Message,
        _ => "error reading tar: " + ex.Message,
    };

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    private sealed class ExtractionLimitException(string message) : IOException(message);

    /// <summary>One extraction into a fresh directory, with the running size total.</summary>
    private sealed class Extraction(string root, int strip, IgnoreRules rules, CancellationToken cancellationToken)
    {
        private long total;

        public async Task RunAsync(string source)
        {
            await using var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var magic = new byte[2];
            var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
            file.Position = 0;
            Stream input = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
            await using (input)
            await using (var reader = new TarReader(input))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    await ExtractAsync(entry);
                }
            }
        }

        private async Task ExtractAsync(TarEntry entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.Directory or TarEntryType.SymbolicLink))
            {
                return;
            }
            var parts = entry.Name.TrimEnd('/').Split('/');
            if (parts.Length <= strip || IsUnsafe(entry.Name))
            {
                return;
            }
            parts = parts[strip..];
            var name = string.Join('/', parts);
            if (name.Length == 0 || name == "/")
            {
                return;
            }
            for (var i = 1; i <= parts.Length; i++)
            {
                if (rules.IsIgnored(parts[..i], isDirectory: i < parts.Length || entry.EntryType == TarEntryType.Directory))
                {
                    return;
                }
            }
            // Resolved with the extraction directory as root: links extracted earlier cannot lead outside.
            var path = SafePath.Join(root, name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    CreateDirectory(path);
                    break;
                case TarEntryType.SymbolicLink:
                    if (IsUnsafe(entry.LinkName) || entry.LinkName.Split('/').Contains("..") || SafePath.EntryExists(path))
                    {
                        return;
                    }
                    CreateDirectory(Path.GetDirectoryName(path)!);
                    File.CreateSymbolicLink(path, entry.LinkName);
                    break;
                default:
                    await WriteFileAsync(entry, path, name);
                    break;
            }
        }

        private async Task WriteFileAsync(TarEntry entry, string path, string name)
        {
            if (entry.Length > TarStep.MaxFileBytes)
            {
                throw new ExtractionLimitException($"extraction aborted: file {name} exceeds size limit of {TarStep.MaxFileBytes} bytes");
            }
            if (total + entry.Length > TarStep.MaxTotalBytes)
            {
                throw new ExtractionLimitException($"extraction aborted: total size would exceed limit of {TarStep.MaxTotalBytes} bytes");
            }
            total += entry.Length;
            CreateDirectory(Path.GetDirectoryName(path)!);
            if (Directory.Exists(path))
            {
                return;
            }
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = (UnixFileMode)((int)entry.Mode & 0x1FF) | UnixFileMode.UserWrite;
            }
            await using (var output = new FileStream(path, options))
            {
                if (entry.DataStream is { } data)
                {
                    await data.CopyToAsync(output, cancellationToken);
                }
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)((int)entry.Mode & 0x1FF));
            }
            File.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
        }

        /// <summary>Kargo's unsafe-name rule, plus any <c>..</c> component.</summary>
        private static bool IsUnsafe(string name) =>
            name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('/') || name.StartsWith("./", StringComparison.Ordinal)
            || name.Split('/').Contains("..");
    }
}
