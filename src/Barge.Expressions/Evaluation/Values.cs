using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// The run-time value model. Values are plain objects: <c>null</c>, <see cref="bool"/>,
/// <see cref="long"/> (expr's int), <see cref="double"/>, <see cref="string"/>, lists
/// (<see cref="IList"/>), maps (string-keyed dictionaries, or <see cref="AnyKeyMap"/>),
/// <see cref="DateTimeOffset"/> (time), <see cref="TimeSpan"/> (duration) and host objects.
/// Host values are normalised on the way in (other integer widths become <see cref="long"/>, JSON
/// nodes become maps and lists), so operators only meet these shapes.
/// </summary>
internal static class Values
{
    private static readonly ConcurrentDictionary<Type, object?> MissingValues = new();

    public static object? Normalize(object? value) => value switch
    {
        null or string or long or bool or double or IList or IReadOnlyDictionary<string, object?> => value,
        int i => Boxes.Int(i),
        short s => Boxes.Int(s),
        byte b => Boxes.Int(b),
        sbyte sb => Boxes.Int(sb),
        ushort us => Boxes.Int(us),
        uint ui => Boxes.Int(ui),
        ulong ul => ul <= long.MaxValue ? Boxes.Int((long)ul) : (double)ul,
        float f => (double)f,
        decimal d => (double)d,
        char c => c.ToString(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        Enum e => e.ToString(),
        JsonNode node => JsonValues.FromNode(node),
        JsonElement element => JsonValues.FromElement(element),
        _ => value,
    };

    public static bool IsMap(object? value) =>
        value is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary;

    public static bool IsList(object? value) => value is IList && value is not IDictionary;

    public static int MapCount(object map) => map switch
    {
        IReadOnlyDictionary<string, object?> m => m.Count,
        IDictionary<string, object?> m => m.Count,
        IDictionary m => m.Count,
        _ => 0,
    };

    /// <summary>Key/value pairs of a map, keys as run-time values.</summary>
    public static IEnumerable<KeyValuePair<object?, object?>> MapEntries(object map)
    {
        switch (map)
        {
            case IReadOnlyDictionary<string, object?> m:
                foreach (var pair in m)
                {
                    yield return new(pair.Key, Normalize(pair.Value));
                }
                break;
            case IDictionary<string, object?> m:
                foreach (var pair in m)
                {
                    yield return new(pair.Key, Normalize(pair.Value));
                }
                break;
            case AnyKeyMap m:
                foreach (var pair in m)
                {
                    yield return new(AnyKeyMap.FromKey(pair.Key), pair.Value);
                }
                break;
            case IDictionary m:
                foreach (DictionaryEntry entry in m)
                {
                    yield return new(Normalize(entry.Key), Normalize(entry.Value));
                }
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Looks a key up. A missing key of a string-keyed map is nil, or the zero value of the
    /// element type for typed host maps (<c>Dictionary&lt;string,string&gt;</c> gives ""), as Go maps do.
    /// </summary>
    public static object? MapGet(object map, object? key, int position)
    {
        switch (map)
        {
            case IReadOnlyDictionary<string, object?> m:
                return m.TryGetValue(KeyString(key, map, position), out var v) ? Normalize(v) : null;
            case IDictionary<string, object?> m:
                return m.TryGetValue(KeyString(key, map, position), out var w) ? Normalize(w) : null;
            case AnyKeyMap m:
                return m.TryGetValue(AnyKeyMap.ToKey(key), out var x) ? x : null;
            case IDictionary m:
                var k = KeyString(key, map, position);
                return m.Contains(k) ? Normalize(m[k]) : MissingValue(map.GetType());
            default:
                return null;
        }
    }

    public static bool MapContains(object map, object? key, int position) => map switch
    {
        IReadOnlyDictionary<string, object?> m => m.ContainsKey(KeyString(key, map, position)),
        IDictionary<string, object?> m => m.ContainsKey(KeyString(key, map, position)),
        AnyKeyMap m => m.ContainsKey(AnyKeyMap.ToKey(key)),
        IDictionary m => m.Contains(KeyString(key, map, position)),
        _ => false,
    };

    private static string KeyString(object? key, object map, int position) => key as string
        ?? throw new EvalError($"cannot use {TypeName(key)} as key to {TypeName(map)}", position);

    private static object? MissingValue(Type mapType) => MissingValues.GetOrAdd(mapType, static type =>
    {
        foreach (var iface in type.GetInterfaces())
        {
            if (iface.IsGenericType && iface.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                var element = iface.GetGenericArguments()[1];
                if (element == typeof(string))
                {
                    return string.Empty;
                }
                if (element.IsValueType && Nullable.GetUnderlyingType(element) is null)
                {
                    return Normalize(Activator.CreateInstance(element));
                }
            }
        }
        return null;
    });

    /// <summary>Go-flavoured type names for messages (<c>int</c>, <c>float64</c>, <c>[]interface {}</c>).</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        long => "int",
        double => "float64",
        string => "string",
        IList => "[]interface {}",
        AnyKeyMap => "map[interface {}]interface {}",
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> => "map[string]interface {}",
        IDictionary => "map",
        DateTimeOffset => "time.Time",
        TimeSpan => "time.Duration",
        _ => value.GetType().Name,
    };

    /// <summary>The result of expr's <c>type()</c> builtin.</summary>
    public static string KindName(object? value) => value switch
    {
        null => "nil",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        IList => "array",
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary => "map",
        DateTimeOffset => "time.Time",
        TimeSpan => "time.Duration",
        TimeZoneInfo => "*time.Location",
        Delegate => "func",
        _ => "struct",
    };

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object value) => value is long l ? l : (double)value;
}
