using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Resources.Model;
using Barge.Resources.Serialization;
using Barge.Resources.Validation;

namespace Barge.Resources.Manifests;

/// <summary>
/// Reads Kargo manifests: multi-document YAML or JSON from a file, a directory (recursively, the
/// <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files in ordinal order of their paths) or a stream.
/// Every document is typed-checked strictly, validated and defaulted; every problem is reported
/// with file, line, column, the document's kind and name, and the field path.
/// </summary>
public sealed class ManifestReader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly ManifestReaderOptions options;

    /// <param name="options">Reading options. Default: validate and default, no default project.</param>
    public ManifestReader(ManifestReaderOptions? options = null)
    {
        this.options = options ?? new ManifestReaderOptions();
    }

    /// <summary>Reads a file, or every manifest file under a directory.</summary>
    public async Task<ManifestReadResult> ReadPathAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                return Failure(new SourceLocation(path, 1, 1), "no .yaml, .yml or .json files in this directory");
            }
            var documents = new List<ManifestDocument>();
            var errors = new List<ManifestError>();
            foreach (var file in files)
            {
                var result = await ReadFileAsync(file, cancellationToken);
                documents.AddRange(result.Documents);
                errors.AddRange(result.Errors);
            }
            return new ManifestReadResult(documents, errors);
        }
        if (!File.Exists(path))
        {
            return Failure(new SourceLocation(path, 1, 1), "no such file or directory");
        }
        return await ReadFileAsync(path, cancellationToken);
    }

    /// <summary>Reads a stream (e.g. stdin) to its end; <paramref name="sourceName"/> names it in errors.</summary>
    public async Task<ManifestReadResult> ReadStreamAsync(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxSourceBytes)
            {
                return Failure(new SourceLocation(sourceName, 1, 1), $"input is larger than the limit of {Describe(options.MaxSourceBytes)}; split it into several files");
            }
            buffer.Write(chunk, 0, read);
        }
        return ReadBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName);
    }

    /// <summary>Reads manifest text already in memory.</summary>
    public ManifestReadResult ReadText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (text.Length > options.MaxSourceBytes)
        {
            return Failure(new SourceLocation(sourceName, 1, 1), $"input is larger than the limit of {Describe(options.MaxSourceBytes)}; split it into several files");
        }
        var (raw, structural) = YamlTreeBuilder.Read(sourceName, text);
        var documents = new List<ManifestDocument>();
        var errors = new List<ManifestError>();
        foreach (var document in raw)
        {
            Bind(document, documents, errors);
        }
        if (structural is not null)
        {
            errors.Add(structural);
        }
        return new ManifestReadResult(documents, errors);
    }

    private async Task<ManifestReadResult> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        var length = new FileInfo(file).Length;
        if (length > options.MaxSourceBytes)
        {
            return Failure(new SourceLocation(file, 1, 1), $"file is {length:N0} bytes, larger than the limit of {Describe(options.MaxSourceBytes)}; split it into several files");
        }
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        return ReadBytes(bytes, file);
    }

    private ManifestReadResult ReadBytes(ReadOnlySpan<byte> bytes, string sourceName)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Failure(PositionOf(bytes, nul, sourceName), $"binary content (a NUL byte at offset {nul}); manifests must be UTF-8 text");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Failure(PositionOf(bytes, Math.Max(e.Index, 0), sourceName), $"not valid UTF-8 text (invalid byte at offset {Math.Max(e.Index, 0)}); manifests must be UTF-8");
        }
        return ReadText(text, sourceName);
    }

    private void Bind(YamlTreeBuilder.RawDocument raw, List<ManifestDocument> documents, List<ManifestError> errors)
    {
        if (raw.Root is null)
        {
            return; // an empty document (only comments, or a trailing ---) is not an error, as in kubectl
        }
        if (raw.Root is not JsonObject root)
        {
            errors.Add(new ManifestError(raw.Map.ValueAt(""), null, null, "", $"a document must be a mapping with apiVersion, kind and metadata, got {SchemaChecker.Describe(raw.Root)}"));
            return;
        }
        var apiVersion = root["apiVersion"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var kindName = root["kind"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : null;
        var name = root["metadata"]?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
        var kind = KindOf(raw, apiVersion, kindName, name, errors);
        if (kind is null)
        {
            return;
        }
        if (kind.Namespaced && options.DefaultProject is { Length: > 0 } project)
        {
            var metadata = root["metadata"] as JsonObject;
            if (metadata is null && root["metadata"] is null)
            {
                root["metadata"] = metadata = [];
            }
            if (metadata is not null && metadata["namespace"] is null)
            {
                metadata["namespace"] = project;
            }
        }
        var before = errors.Count;
        foreach (var (path, atKey, message) in SchemaChecker.Check(root, kind.ClrType))
        {
            errors.Add(new ManifestError(atKey ? raw.Map.KeyAt(path) : raw.Map.ValueAt(path), kind.Name, name, path, message));
        }
        if (errors.Count > before)
        {
            return;
        }
        Resource resource;
        try
        {
            resource = (Resource)root.Deserialize(kind.ClrType, ResourceJson.Options)!;
        }
        catch (JsonException e)
        {
            var path = FieldPath.FromJsonPath(e.Path);
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            errors.Add(new ManifestError(raw.Map.ValueAt(path), kind.Name, name, path, cut > 0 ? message[..cut] : message));
            return;
        }
        if (options.Validate)
        {
            foreach (var problem in ResourceValidator.Validate(resource))
            {
                errors.Add(new ManifestError(raw.Map.ValueAt(problem.Path), kind.Name, name, problem.Path, problem.Message));
            }
            if (errors.Count > before)
            {
                return;
            }
        }
        if (options.ApplyDefaults)
        {
            resource = ResourceDefaults.Apply(resource, options.Time);
        }
        documents.Add(new ManifestDocument(resource, raw.Map.ValueAt(""), raw.Map));
    }

    private static ResourceKind? KindOf(YamlTreeBuilder.RawDocument raw, string? apiVersion, string? kindName, string? name, List<ManifestError> errors)
    {
        if (string.IsNullOrEmpty(kindName))
        {
            errors.Add(new ManifestError(raw.Map.ValueAt("kind"), null, name, "kind", "required"));
            return null;
        }
        if (string.IsNullOrEmpty(apiVersion))
        {
            errors.Add(new ManifestError(raw.Map.ValueAt("apiVersion"), kindName, name, "apiVersion", "required"));
            return null;
        }
        var kind = ResourceKinds.Find(kindName);
        if (kind is null)
        {
            var supported = string.Join(", ", ResourceKinds.All.Select(k => k.Name));
            errors.Add(new ManifestError(raw.Map.ValueAt("kind"), kindName, name, "kind",
                $"unsupported kind \"{kindName}\" (apiVersion \"{apiVersion}\"); Barge accepts {KargoApi.Version} kinds, {ArgoApi.Version} AnalysisTemplate and ClusterAnalysisTemplate, and v1 Secret and ConfigMap: {supported}"));
            return null;
        }
        if (kind.ApiVersion != apiVersion)
        {
            errors.Add(new ManifestError(raw.Map.ValueAt("apiVersion"), kindName, name, "apiVersion",
                $"unsupported apiVersion \"{apiVersion}\" for kind {kind.Name}; expected \"{kind.ApiVersion}\""));
            return null;
        }
        return kind;
    }

    private static ManifestReadResult Failure(SourceLocation location, string message) =>
        new([], [new ManifestError(location, null, null, "", message)]);

    private static SourceLocation PositionOf(ReadOnlySpan<byte> bytes, int offset, string source)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return new SourceLocation(source, line, offset - lastNewline);
    }

    private static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0} bytes";
}
