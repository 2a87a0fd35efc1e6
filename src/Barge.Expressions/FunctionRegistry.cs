using System.Collections.Frozen;

namespace Barge.Expressions;

/// <summary>
/// An immutable set of host functions, passed to the compiler through <see cref="ExprOptions.Functions"/>.
/// <see cref="With"/> returns a new registry, so one registry can be shared by many compilations.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly FrozenDictionary<string, HostFunction> _functions;

    private FunctionRegistry(FrozenDictionary<string, HostFunction> functions) => _functions = functions;

    /// <summary>No host functions.</summary>
    public static FunctionRegistry Empty { get; } = new(FrozenDictionary<string, HostFunction>.Empty);

    /// <summary>Builds a registry from functions; a later function replaces an earlier one of the same name.</summary>
    public static FunctionRegistry Create(params IEnumerable<HostFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var map = new Dictionary<string, HostFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            Validate(function);
            map[function.Name] = function;
        }
        return new FunctionRegistry(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The names registered.</summary>
    public IEnumerable<string> Names => _functions.Keys;

    /// <summary>This registry plus <paramref name="function"/> (replacing one of the same name).</summary>
    public FunctionRegistry With(HostFunction function)
    {
        Validate(function);
        var map = new Dictionary<string, HostFunction>(_functions, StringComparer.Ordinal)
        {
            [function.Name] = function,
        };
        return new FunctionRegistry(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool Contains(string name) => _functions.ContainsKey(name);

    public bool TryGet(string name, out HostFunction function) => _functions.TryGetValue(name, out function!);

    private static void Validate(HostFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentException.ThrowIfNullOrEmpty(function.Name);
        var seenOptional = false;
        foreach (var parameter in function.Parameters)
        {
            if (parameter.Kind == ArgumentKind.Object && parameter.ClrType is null)
            {
                throw new ArgumentException($"host function {function.Name}: parameter {parameter.Name} is an object but names no type", nameof(function));
            }
            if (seenOptional && !parameter.Optional)
            {
                throw new ArgumentException($"host function {function.Name}: required parameter {parameter.Name} follows an optional one", nameof(function));
            }
            seenOptional |= parameter.Optional;
        }
    }
}
