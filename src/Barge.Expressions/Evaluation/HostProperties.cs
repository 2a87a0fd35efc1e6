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
            var body = Expression.Convert(Expression.Property(typed, property), typeof(object));
            getters.TryAdd(property.Name, Expression.Lambda<Func<object, object?>>(body, instance).Compile());
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            var body = Expression.Convert(Expression.Field(typed, field), typeof(object));
            getters.TryAdd(field.Name, Expression.Lambda<Func<object, object?>>(body, instance).Compile());
        }
        return getters.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
