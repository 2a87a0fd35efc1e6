using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// Decodes the first YAML document into expression values as Kargo gets them (YAML converted to JSON,
/// then decoded): mappings become string-keyed maps, every number a 64-bit float, anchors resolved,
/// merge keys (<c>&lt;&lt;</c>) applied. Scalars resolve by the YAML core schema.
/// </summary>
internal static class YamlValueDecoder
{
    /// <summary>True with the root (null for an empty document), or false with the parser's error.</summary>
    public static bool TryDecode(string text, out object? root, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        root = null;
        error = "";
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return true;
            }
            root = new Reader(parser).Read();
            return true;
        }
        catch (YamlException ex)
        {
            error = ex.Message;
            return false;
        }
        catch (InvalidDataException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private sealed class Reader(IParser parser)
    {
        private readonly Dictionary<string, object?> anchors = new(StringComparer.Ordinal);

        public object? Read()
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new InvalidDataException($"unknown anchor '{alias.Value}' referenced");
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var value = Resolve(scalar);
                Remember(scalar.Anchor, value);
                return value;
            }
            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var list = new List<object?>();
                Remember(sequenceStart.Anchor, list);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    list.Add(Read());
                }
                return list;
            }
            var mappingStart = parser.Consume<MappingStart>();
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            Remember(mappingStart.Anchor, map);
            var merged = new List<IReadOnlyDictionary<string, object?>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var isMerge = parser.Current is Scalar { Value: "<<", Style: ScalarStyle.Plain };
                var key = Read();
                var value = Read();
                if (isMerge)
                {
                    switch (value)
                    {
                        case IReadOnlyDictionary<string, object?> one:
                            merged.Add(one);
                            continue;
                        case List<object?> many when many.All(m => m is IReadOnlyDictionary<string, object?>):
                            merged.AddRange(many.Cast<IReadOnlyDictionary<string, object?>>());
                            continue;
                        default:
                            throw new InvalidDataException("map merge requires map or sequence of maps as the value");
                    }
                }
                map[KeyText(key)] = value;
            }
            foreach (var source in merged)
            {
                foreach (var (k, v) in source)
                {
                    map.TryAdd(k, v);
                }
            }
            return map;
        }

        private void Remember(AnchorName anchor, object? value)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = value;
            }
        }

        private static string KeyText(object? key) => key switch
        {
            null => "null",
            string s => s,
            bool b => b ? "true" : "false",
            double d => Formats.GoFormat.FloatV(d),
            _ => throw new InvalidDataException("mapping keys must be scalars"),
        };
    }

    private static object? Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        switch (tag)
        {
            case "tag:yaml.org,2002:str":
                return text;
            case "tag:yaml.org,2002:null":
                return null;
            case "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float":
                return ResolvePlain(text) is var typed && typed is not string
                    ? typed
                    : throw new InvalidDataException($"cannot decode !!{tag[(tag.LastIndexOf(':') + 1)..]} `{text}`");
        }
        return scalar.Style is ScalarStyle.Plain ? ResolvePlain(text) : text;
    }

    private static object? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }
        var body = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        if (body.StartsWith("0x", StringComparison.Ordinal) && ulong.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return negative ? -(double)hex : hex;
        }
        if (body.StartsWith("0o", StringComparison.Ordinal) && body.Length > 2 && body[2..].All(c => c is >= '0' and <= '7'))
        {
            var octal = body[2..].Aggregate(0d, (acc, c) => acc * 8 + (c - '0'));
            return negative ? -octal : octal;
        }
        if (body.Length > 0 && (char.IsAsciiDigit(body[0]) || body[0] == '.')
            && body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        return text;
    }
}
