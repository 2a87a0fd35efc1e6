using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// Reads public properties and fields of host objects by their exact names (<c>.ID</c>,
/// <c>.RepoURL</c>), as expr reads Go struct fields. Getters are compiled once per type, so an
/// access costs a dictionary lookup and a delegate call, not reflection.
/// </summary>
internal static class HostProperties
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, Func<object, object?>>> Cache = new();

    public static bool TryGet(object target, string name, out object? value)
    {
        var getters = Cache.GetOrAdd(target.GetType(), Build);
        if (getters.TryGetValue(name, out var getter))
        {
            value = Values.Normalize(getter(target));
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>The getter of <paramref name="name"/> on <paramref name="type"/>, or null when there is none.</summary>
    public static Func<object, object?>? Getter(Type type, string name) =>
        Cache.GetOrAdd(type, Build).TryGetValue(name, out var getter) ? getter : null;

    public static IEnumerable<string> Names(object target) => Cache.GetOrAdd(target.GetType(), Build).Keys;

    private static FrozenDictionary<string, Func<object, object?>> Build(Type type)
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = Expression.Convert(instance, type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }
            getters.TryAdd(property.Name, Expression.Lambda<Func<object, object?>>(Boxed(Expression.Property(typed, property)), instance).Compile());
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            getters.TryAdd(field.Name, Expression.Lambda<Func<object, object?>>(Boxed(Expression.Field(typed, field)), instance).Compile());
        }
        return getters.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Boxes through the shared caches for integers and booleans, so reading them allocates nothing.</summary>
    private static Expression Boxed(Expression value)
    {
        var type = value.Type;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(sbyte) || type == typeof(ushort))
        {
            return Expression.Call(typeof(Boxes).GetMethod(nameof(Boxes.Int))!, Expression.Convert(value, typeof(long)));
        }
        if (type == typeof(bool))
        {
            return Expression.Call(typeof(Boxes).GetMethod(nameof(Boxes.Bool))!, value);
        }
        return Expression.Convert(value, typeof(object));
    }
}
