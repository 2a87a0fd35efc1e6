using System.Collections.Frozen;
using Barge.Expressions.Parsing;

namespace Barge.Expressions.Builtins;

/// <summary>The explicit list of expr's builtins (predicate builtins are compiled by the compiler itself).</summary>
internal static class BuiltinCatalog
{
    private static readonly FrozenDictionary<string, BuiltinFunction> Functions = Build();

    public static bool TryGet(string name, out BuiltinFunction function) => Functions.TryGetValue(name, out function!);

    public static bool IsBuiltinName(string name) => Functions.ContainsKey(name) || Operators.TryPredicate(name, out _);

    private static FrozenDictionary<string, BuiltinFunction> Build()
    {
        var all = new List<BuiltinFunction>();
        StringBuiltins.Register(all);
        NumberBuiltins.Register(all);
        CollectionBuiltins.Register(all);
        ConversionBuiltins.Register(all);
        TimeBuiltins.Register(all);
        return all.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
