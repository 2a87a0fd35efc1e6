using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Barge.Resources.Durations;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>http-download</c>: GETs a URL into a work-directory file, streaming into a temporary file beside
/// it (at most 100 MiB) that is renamed into place.
/// </summary>
internal sealed partial class HttpDownloadStep : IPromotionStep
{
    /// <summary>The largest download accepted (100 MiB), as Kargo.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    public string Kind => "http-download";

    public bool HasSideEffects => false;

    private sealed record Config(
        string Url,
        string OutPath,
        bool AllowOverwrite,
        IReadOnlyList<HttpNameValue> Headers,
        IReadOnlyList<HttpNameValue> QueryParams,
        bool InsecureSkipTlsVerify,
        string Timeout)
    {
        public static Config? Bind(StepConfigErrors errors, JsonObject json)
        {
            var root = errors.Root(json);
            root.Require("url", "outPath");
            root.AllowOnly("url", "outPath", "allowOverwrite", "headers", "queryParams", "insecureSkipTLSVerify", "timeout");
            var url = root.String("url", minLength: 1);
            var outPath = root.String("outPath", minLength: 1);
            var allowOverwrite = root.Bool("allowOverwrite");
            var headers = HttpNameValue.BindList(root, "headers");
            var queryParams = HttpNameValue.BindList(root, "queryParams");
            var insecure = root.Bool("insecureSkipTLSVerify");
            var timeout = root.String("timeout");
            if (timeout is not null && !DurationPattern().IsMatch(timeout))
            {
                errors.Add(root.Field("timeout"), "Does not match pattern '(?:\\d+(ns|us|µs|ms|s|m|h))+'");
            }
            return errors.Any || url is null || outPath is null
                ? null
                : new Config(url, outPath, allowOverwrite ?? false, headers, queryParams, insecure ?? false, timeout ?? "5m");
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
        string target;
        try
        {
            target = SafePath.Join(context.WorkDirectory, cfg.OutPath);
        }
        catch (IOException ex)
        {
            return StepResult.Errored($"error checking destination file: {ex.Message}", terminal: true);
        }
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, target))
        {
            return StepResult.Failed(StepFiles.GitMetadataError(cfg.OutPath));
        }
        if (Directory.Exists(target))
        {
            return StepResult.Errored($"error checking destination file: {cfg.OutPath} is a directory", terminal: true);
        }
        if (!cfg.AllowOverwrite && SafePath.EntryExists(target))
        {
            return StepResult.Errored($"file already exists at {cfg.OutPath} and overwrite is not allowed", terminal: true);
        }
        if (!GoDuration.TryParse(cfg.Timeout, out var timeout, out var durationError))
        {
            return StepResult.Errored($"error creating HTTP client: error parsing timeout: {durationError}", terminal: true);
        }
        if (HttpStepClient.BuildUri(cfg.Url, cfg.QueryParams, out var uriError) is not { } uri)
        {
            return StepResult.Errored($"error building HTTP request: {uriError}", terminal: true);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var header in cfg.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                return StepResult.Errored($"error building HTTP request: invalid header name \"{header.Name}\"", terminal: true);
            }
        }
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, Path.GetFileName(target) + ".tmp" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        using var client = HttpStepClient.Create(cfg.InsecureSkipTlsVerify, proxy: null);
        using var deadline = HttpStepClient.Deadline(timeout, cancellationToken);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return StepResult.Failed($"HTTP request failed with status {(int)response.StatusCode}", terminal: false);
            }
            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return StepResult.Failed($"download exceeds limit of {MaxBytes} bytes");
            }
            CreateParents(context.WorkDirectory, directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using (var body = await response.Content.ReadAsStreamAsync(deadline.Token))
            await using (var output = new FileStream(temporary, options))
            {
                if (!await CopyLimitedAsync(body, output, deadline.Token))
                {
                    return StepResult.Errored($"download exceeds limit of {MaxBytes} bytes");
                }
            }
            if (new FileInfo(target).LinkTarget is not null)
            {
                // Replace a link rather than write through it.
                File.Delete(target);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return StepResult.Errored($"download canceled: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            return StepResult.Errored($"error sending HTTP request: timed out after {cfg.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return StepResult.Errored($"error sending HTTP request: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Errored($"error writing downloaded file \"{cfg.OutPath}\": {ex.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
        return StepResult.Succeeded();
    }

    private static async Task<bool> CopyLimitedAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return false;
            }
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }

    private static void CreateParents(string root, string directory)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(directory) || !SafePath.IsInside(root, directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex(@"(?:\d+(ns|us|µs|ms|s|m|h))+", RegexOptions.CultureInvariant)]
    internal static partial Regex DurationPattern();
}
