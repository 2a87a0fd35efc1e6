using System.Text;
using System.Text.Json.Nodes;
using Barge.Expressions;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// What <c>yaml-parse</c>, <c>json-parse</c> and <c>toml-parse</c> share: the configuration (<c>path</c>,
/// <c>outputs</c>), reading the file, and evaluating the output expressions against the decoded document.
/// A mapping root exposes its top-level keys as variables; <c>$env</c> is the whole document, whatever
/// its shape.
/// </summary>
internal static class ParsedDocument
{
    /// <summary>The bound configuration of a parse step.</summary>
    internal sealed record Config(string Path, IReadOnlyList<StepOutputExpression> Outputs);

    public static Config? Bind(StepConfigErrors errors, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = errors.Root(json);
        root.Require("path", "outputs");
        root.AllowOnly("path", "outputs");
        var path = root.String("path", minLength: 1);
        var outputs = StepOutputExpression.BindList(root, minItems: 1);
        return errors.Any || path is null ? null : new Config(path, outputs);
    }

    /// <summary>A decoded document, or the <c>Errored</c> result that says why the text is not one.</summary>
    internal readonly record struct Decoded(object? Document, StepResult? Error)
    {
        public static Decoded Of(object? document) => new(document, null);

        public static Decoded Failed(string message) => new(null, StepResult.Errored(message));
    }

    /// <summary>
    /// The whole of a parse step: binds the configuration, reads the file, decodes it with <paramref name="decode"/>
    /// (given the text and the file's full path) and extracts the outputs.
    /// </summary>
    public static async Task<StepResult> RunAsync(
        string kind, string format, StepContext context, JsonObject config, Func<string, string, Decoded> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decode);
        var errors = new StepConfigErrors(kind);
        if (Bind(errors, config) is not { } cfg)
        {
            return errors.ToResult();
        }
        var (text, full, readError) = await ReadAsync(context, cfg.Path, format, cancellationToken);
        if (readError is not null)
        {
            return readError;
        }
        var decoded = decode(text!, full);
        return decoded.Error ?? Extract(decoded.Document, cfg.Outputs);
    }

    /// <summary>The file's text, or an <c>Errored</c> result (<c>error reading &lt;format&gt; file "&lt;abs&gt;": …</c>).</summary>
    public static async Task<(string? Text, string FullPath, StepResult? Error)> ReadAsync(
        StepContext context, string path, string format, CancellationToken cancellationToken)
    {
        string full;
        try
        {
            full = SafePath.Join(context.WorkDirectory, path);
        }
        catch (IOException ex)
        {
            return (null, path, StepResult.Errored($"error reading {format} file \"{path}\": {ex.Message}"));
        }
        var (text, error) = await StepFiles.TryReadTextAsync(full, cancellationToken);
        return text is null
            ? (null, full, StepResult.Errored($"error reading {format} file \"{full}\": {error}"))
            : (text, full, null);
    }

    /// <summary>Evaluates every output expression in order; an error is <c>Errored</c> with Kargo's wording.</summary>
    public static StepResult Extract(object? document, IReadOnlyList<StepOutputExpression> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var isMap = document is IReadOnlyDictionary<string, object?>;
        var environment = document as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>(StringComparer.Ordinal) { [RootName] = document };
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            // A non-mapping document cannot be the environment itself: $env is rewritten to a name bound to it.
            var source = isMap ? output.FromExpression : RewriteEnv(output.FromExpression);
            CompiledExpression compiled;
            try
            {
                compiled = Expr.Compile(source);
            }
            catch (ExpressionException ex)
            {
                return StepResult.Errored($"failed to extract outputs: error compiling expression \"{output.FromExpression}\": {Restore(ex.Message, isMap)}");
            }
            try
            {
                result[output.Name] = StepOutputExpression.ToOutput(compiled.Evaluate(environment));
            }
            catch (ExpressionException ex)
            {
                return StepResult.Errored($"failed to extract outputs: error evaluating expression \"{output.FromExpression}\": {Restore(ex.Message, isMap)}");
            }
        }
        return StepResult.Succeeded(result);
    }

    // Same length as "$env", so error carets stay under the right column.
    private const string RootName = "_env";

    private static string Restore(string message, bool isMap) => isMap ? message : message.Replace(RootName, "$env", StringComparison.Ordinal);

    /// <summary>Replaces the identifier <c>$env</c> outside string literals.</summary>
    internal static string RewriteEnv(string source)
    {
        var builder = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c is '"' or '\'' or '`')
            {
                var end = i + 1;
                while (end < source.Length && source[end] != c)
                {
                    end += c != '`' && source[end] == '\\' ? 2 : 1;
                }
                end = Math.Min(end, source.Length - 1);
                builder.Append(source, i, end - i + 1);
                i = end;
                continue;
            }
            if (c == '$' && string.CompareOrdinal(source, i, "$env", 0, 4) == 0
                && (i + 4 >= source.Length || !(char.IsLetterOrDigit(source[i + 4]) || source[i + 4] is '_' or '$')))
            {
                builder.Append(RootName);
                i += 3;
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
