using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>tar</c>: archives a file or directory of the work directory into a (optionally gzipped) tar file,
/// written beside its destination and renamed into place. Symlinks are stored as links, never followed.
/// Unlike Kargo, <c>.git</c> stays excluded when <c>ignore</c> is given (as <c>copy</c> does); a
/// <c>!.git</c> rule includes it.
/// </summary>
internal sealed class TarStep : IPromotionStep
{
    /// <summary>The largest single file archived (50 MiB), as Kargo.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The largest total of file sizes archived (100 MiB), as Kargo.</summary>
    public const long MaxTotalBytes = 100L * 1024 * 1024;

    public string Kind => "tar";

    public bool HasSideEffects => false;

    private sealed record Config(string InPath, string OutPath, string? Ignore, bool Gzip)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("inPath", "outPath");
            root.AllowOnly("inPath", "outPath", "ignore", "gzip");
            var inPath = root.String("inPath", minLength: 1);
            var outPath = root.String("outPath", minLength: 1);
            var ignore = root.String("ignore", minLength: 1);
            var gzip = root.Bool("gzip");
            return errors.Any || inPath is null || outPath is null ? null : new Config(inPath, outPath, ignore, gzip ?? false);
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
        string source, target;
        try
        {
            source = SafePath.Join(context.WorkDirectory, cfg.InPath);
            target = SafePath.Join(context.WorkDirectory, cfg.OutPath);
        }
        catch (IOException ex)
        {
            return StepResult.Errored($"failed to resolve paths: {ex.Message}");
        }
        if (!SafePath.EntryExists(source))
        {
            return StepResult.Errored($"input path \"{cfg.InPath}\" does not exist: stat {source}: no such file or directory");
        }
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, target))
        {
            return StepResult.Failed($"failed to create the tar archive \"{cfg.OutPath}\": " + StepFiles.GitMetadataError(cfg.OutPath));
        }
        if (Directory.Exists(target))
        {
            return StepResult.Errored($"failed to create the tar archive \"{cfg.OutPath}\": {target} is a directory");
        }
        var directory = Path.GetDirectoryName(target)!;
        try
        {
            CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"failed to create output directory for \"{cfg.OutPath}\": {ex.Message}");
        }
        var temporary = Path.Combine(directory, Path.GetFileName(target) + ".tmp" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        var failure = $"failed to create the tar archive \"{cfg.OutPath}\": ";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var archive = new Archive(new IgnoreRules(cfg.Ignore), temporary, cancellationToken);
                if (cfg.Gzip)
                {
                    await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
                    await archive.WriteAsync(source, gzip);
                }
                else
                {
                    await archive.WriteAsync(source, file);
                }
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (ArchiveLimitException ex)
        {
            return StepResult.Errored(failure + "failed during directory walk: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored(failure + "failed during directory walk: " + ex.Message);
        }
        finally
        {
            File.Delete(temporary);
        }
        return StepResult.Succeeded();
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    private sealed class ArchiveLimitException(string message) : IOException(message);

    /// <summary>One archive being written: the walk, the ignore rules and the running size total.</summary>
    private sealed class Archive(IgnoreRules rules, string skip, CancellationToken cancellationToken)
    {
        private long total;

        public async Task WriteAsync(string source, Stream output)
        {
            await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            if (new FileInfo(source).LinkTarget is null && Directory.Exists(source))
            {
                await WriteDirectoryAsync(writer, source, []);
            }
            else
            {
                await WriteEntryAsync(writer, source, Path.GetFileName(source));
            }
        }

        private async Task WriteDirectoryAsync(TarWriter writer, string directory, List<string> relative)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry == skip)
                {
                    continue;
                }
                var isDirectory = new FileInfo(entry).LinkTarget is null && Directory.Exists(entry);
                relative.Add(Path.GetFileName(entry));
                if (!rules.IsIgnored(relative, isDirectory))
                {
                    var name = string.Join('/', relative);
                    if (isDirectory)
                    {
                        await WriteEntryAsync(writer, entry, name + "/");
                        await WriteDirectoryAsync(writer, entry, relative);
                    }
                    else
                    {
                        await WriteEntryAsync(writer, entry, name);
                    }
                }
                relative.RemoveAt(relative.Count - 1);
            }
        }

        private async Task WriteEntryAsync(TarWriter writer, string path, string name)
        {
            var info = new FileInfo(path);
            var mode = OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);
            if (info.LinkTarget is { } linkTarget)
            {
                var link = new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = linkTarget, ModificationTime = info.LastWriteTimeUtc };
                await writer.WriteEntryAsync(link, cancellationToken);
                return;
            }
            if (Directory.Exists(path))
            {
                var dir = new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, ModificationTime = Directory.GetLastWriteTimeUtc(path) };
                await writer.WriteEntryAsync(dir, cancellationToken);
                return;
            }
            if (!info.Exists)
            {
                return;
            }
            if (info.Length > MaxFileBytes)
            {
                throw new ArchiveLimitException($"file \"{path}\" size ({info.Length} bytes) exceeds the maximum allowed single file size ({MaxFileBytes} bytes)");
            }
            total += info.Length;
            if (total > MaxTotalBytes)
            {
                throw new ArchiveLimitException($"total tar archive source size exceeds the maximum allowed size ({MaxTotalBytes} bytes)");
            }
            await using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var file = new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = mode, ModificationTime = info.LastWriteTimeUtc, DataStream = data };
            await writer.WriteEntryAsync(file, cancellationToken);
        }
    }
}
