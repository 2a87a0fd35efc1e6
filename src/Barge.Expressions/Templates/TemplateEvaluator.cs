using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Barge.Expressions.Evaluation;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Templates;

/// <summary>
/// Kargo's <c>${{ … }}</c> / <c>${% … %}</c> templates (kargo-spec §3.1): expressions are evaluated
/// and concatenated with the text around them (strings raw, other values as JSON), then the result
/// is read back as a quoted string, number, bool, JSON value or plain string. The helpers
/// <c>quote</c>, <c>unsafeQuote</c>, <c>asYAML</c> and <c>asJSON</c> are always available. Compiled
/// expressions are cached, so evaluating the same configuration again costs only the runs.
/// Thread-safe.
/// </summary>
public sealed class TemplateEvaluator
{
    private const int CacheLimit = 4096;
    private readonly ExprOptions _options;
    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TemplatePart[]> _parts = new(StringComparer.Ordinal);

    /// <param name="options">Compilation options; the template helpers are added to its functions (a host
    /// function of the same name is replaced, as Kargo registers them last).</param>
    public TemplateEvaluator(ExprOptions? options = null)
    {
        var baseOptions = options ?? ExprOptions.Default;
        var functions = baseOptions.Functions;
        foreach (var helper in TemplateFunctions.All())
        {
            functions = functions.With(helper);
        }
        _options = baseOptions with { Functions = functions };
    }

    /// <summary>
    /// Evaluates one template string. A string without delimiters comes back unchanged (as a string);
    /// otherwise the result is a <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>,
    /// <c>null</c>, or a map/list decoded from JSON.
    /// </summary>
    /// <exception cref="ExpressionException">An expression failed, a delimiter is unclosed, or the environment uses a reserved name.</exception>
    public object? Evaluate(string template, IReadOnlyDictionary<string, object?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!TemplateScanner.HasExpressions(template))
        {
            return template;
        }
        CheckEnvironment(environment);
        var parts = Parts(template);
        if (parts.Length == 1 && parts[0].Expression is { } single)
        {
            // A lone expression whose value is a number or bool reads back as itself (JSON text → Go float / bool).
            switch (single.Evaluate(environment))
            {
                case long l:
                    return (double)l;
                case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                    return d;
                case bool b:
                    return b;
                case var other:
                    return ResultCoercion.Coerce(Render(other, parts[0].Text));
            }
        }
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Expression is null)
            {
                builder.Append(part.Text);
                continue;
            }
            builder.Append(Render(part.Expression.Evaluate(environment), part.Text));
        }
        return ResultCoercion.Coerce(builder.ToString());
    }

    private static string Render(object? value, string source)
    {
        if (value is string s)
        {
            return s;
        }
        try
        {
            return GoJson.Serialize(value, indent: false);
        }
        catch (EvalError e)
        {
            throw new ExpressionException($"cannot encode the result of ${{{{{source}}}}} as JSON: {e.Reason}");
        }
    }

    /// <summary>The template split into text and compiled expressions, cached per template string.</summary>
    private TemplatePart[] Parts(string template)
    {
        if (_parts.TryGetValue(template, out var cached))
        {
            return cached;
        }
        var parts = TemplateScanner.Split(template)
            .Select(segment => segment.IsExpression ? new TemplatePart(segment.Text, Compile(segment.Text)) : new TemplatePart(segment.Text, null))
            .ToArray();
        if (_parts.Count < CacheLimit)
        {
            _parts.TryAdd(template, parts);
        }
        return parts;
    }

    /// <summary>
    /// Evaluates every string value of a JSON tree, at any depth (never object keys), and returns a
    /// new tree; the input is not changed.
    /// </summary>
    /// <exception cref="ExpressionException">An expression failed; the message names the JSON path.</exception>
    public JsonNode? EvaluateTree(JsonNode? config, IReadOnlyDictionary<string, object?>? environment = null)
    {
        CheckEnvironment(environment);
        return Walk(config, environment, "$", 0);
    }

    private JsonNode? Walk(JsonNode? node, IReadOnlyDictionary<string, object?>? environment, string path, int depth)
    {
        if (depth > 1000)
        {
            throw new ExpressionException($"{path}: configuration is nested too deeply");
        }
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    result[key] = Walk(child, environment, path + "." + key, depth + 1);
                }
                return result;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(Walk(array[i], environment, $"{path}[{i}]", depth + 1));
                }
                return items;
            case JsonValue value when value.TryGetValue<string>(out var text):
                try
                {
                    return ToNode(Evaluate(text, environment));
                }
                catch (ExpressionException e)
                {
                    throw new ExpressionException($"{path}: {e.Message}", e);
                }
            default:
                return node.DeepClone();
        }
    }

    private CompiledExpression Compile(string source)
    {
        if (_cache.TryGetValue(source, out var compiled))
        {
            return compiled;
        }
        compiled = Expr.Compile(source, _options);
        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd(source, compiled);
        }
        return compiled;
    }

    private static void CheckEnvironment(IReadOnlyDictionary<string, object?>? environment)
    {
        if (environment is null)
        {
            return;
        }
        foreach (var name in TemplateFunctions.ReservedNames)
        {
            if (environment.ContainsKey(name))
            {
                throw new ExpressionException($"the environment must not define \"{name}\": it is a template function");
            }
        }
    }

    /// <summary>Converts an engine value into a JSON node (for configuration trees).</summary>
    public static JsonNode? ToNode(object? value)
    {
        value = Values.Normalize(value);
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case long l:
                return JsonValue.Create(l);
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new ExpressionException("json: unsupported value: " + GoFloat.FormatG(d));
                }
                return JsonValue.Create(d);
            case string s:
                return JsonValue.Create(s);
            case IList list when !Values.IsMap(value):
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(ToNode(item));
                }
                return array;
            default:
                if (Values.IsMap(value))
                {
                    var obj = new JsonObject();
                    foreach (var (key, item) in Values.MapEntries(value!))
                    {
                        obj[key as string ?? GoValueFormat.Format(key)] = ToNode(item);
                    }
                    return obj;
                }
                try
                {
                    return JsonNode.Parse(GoJson.Serialize(value, indent: false));
                }
                catch (EvalError e)
                {
                    throw new ExpressionException(e.Reason);
                }
        }
    }
}
