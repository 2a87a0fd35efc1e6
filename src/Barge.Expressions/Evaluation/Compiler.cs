using System.Globalization;
using System.Runtime.CompilerServices;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// Compiles a checked tree into a tree of closures (<see cref="Eval"/>).
/// Why closures and not System.Linq.Expressions: Kargo-style hosts compile many small expressions
/// once each (a step config is evaluated per promotion), and a LINQ expression costs tens of
/// microseconds to JIT before its first run, which is more than the whole closure tree costs to
/// build and run; closures are also immutable after construction, so one compiled expression can
/// run on many threads at once. Variables (<c>let</c>, predicate pointers) get frame slots at
/// compile time, so no name is looked up while running except environment entries.
/// </summary>
internal sealed partial class Compiler
{
    /// <summary>Marks "the left side of a <c>?.</c> was nil": postfix nodes pass it on, the chain turns it into nil.</summary>
    internal static readonly object ChainSkip = new();

    private readonly ExprOptions _options;
    private readonly List<(string Name, int Slot)> _lets = [];
    private readonly List<PredicateScope> _predicates = [];
    private int _slotCount;

    private Compiler(ExprOptions options) => _options = options;

    public static (Eval Root, int SlotCount) Compile(Node node, ExprOptions options)
    {
        var compiler = new Compiler(options);
        var root = compiler.Compile(node);
        return (root, compiler._slotCount);
    }

    private Eval Compile(Node node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SyntaxError("expression is nested too deeply", node.Position);
        }
        if (node is MemberNode or CallNode && TryFuse(node) is { } fused)
        {
            return fused;
        }
        return node switch
        {
            NilNode => static _ => null,
            BoolNode b => Constant(Boxes.Bool(b.Value)),
            IntegerNode i => Constant(Boxes.Int(i.Value)),
            FloatNode d => Constant(d.Value),
            StringNode s => Constant(s.Value),
            IdentifierNode id => CompileIdentifier(id),
            PointerNode p => CompilePointer(p),
            UnaryNode u => CompileUnary(u),
            BinaryNode b => CompileBinary(b),
            MemberNode m => CompileMember(m),
            ChainNode c => CompileChain(c),
            SliceNode s => CompileSlice(s),
            CallNode c => CompileCall(c),
            MethodCallNode m => CompileMethodCall(m),
            ConditionalNode c => CompileConditional(c),
            ArrayNode a => CompileArray(a),
            MapNode m => CompileMap(m),
            LetNode l => CompileLet(l),
            SequenceNode s => CompileSequence(s),
            PredicateNode p => throw new SyntaxError("a predicate is only allowed as an argument of a predicate builtin", p.Position),
            _ => throw new SyntaxError("unsupported syntax: " + node.GetType().Name, node.Position),
        };
    }

    private static Eval Constant(object? value) => _ => value;

    private int NewSlot() => _slotCount++;

    private Eval CompileIdentifier(IdentifierNode node)
    {
        for (var i = _lets.Count - 1; i >= 0; i--)
        {
            if (_lets[i].Name == node.Name)
            {
                var slot = _lets[i].Slot;
                return f => f.Slots[slot];
            }
        }
        if (node.Name == "$env")
        {
            return static f => f.Env ?? EmptyEnv;
        }
        var name = node.Name;
        return f => f.Env is { } env && env.TryGetValue(name, out var value) ? Values.Normalize(value) : null;
    }

    internal static readonly IReadOnlyDictionary<string, object?> EmptyEnv = new Dictionary<string, object?>();

    private Eval CompilePointer(PointerNode node)
    {
        if (_predicates.Count == 0)
        {
            throw new SyntaxError("cannot use pointer accessor outside predicate", node.Position);
        }
        var scope = _predicates[^1];
        switch (node.Name)
        {
            case "":
                var element = scope.ElementSlot;
                return f => f.Slots[element];
            case "index" when scope.AllowsIndex:
                var index = scope.IndexSlot;
                return f => f.Slots[index];
            case "acc" when scope.AllowsAccumulator:
                var acc = scope.AccumulatorSlot;
                return f => f.Slots[acc];
            default:
                throw new SyntaxError("unknown pointer #" + node.Name, node.Position);
        }
    }

    private Eval CompileMember(MemberNode node)
    {
        var target = Compile(node.Target);
        var optional = node.Optional;
        var position = node.Position;
        if (node.Property is StringNode name)
        {
            var key = name.Value;
            HostGetterCache? cache = null;
            return f =>
            {
                var t = target(f);
                if (ReferenceEquals(t, ChainSkip) || (optional && t is null))
                {
                    return ChainSkip;
                }
                if (t is IReadOnlyDictionary<string, object?> map)
                {
                    return map.TryGetValue(key, out var v) ? Values.Normalize(v) : null;
                }
                if (t is not null && cache is { } c && c.Type == t.GetType())
                {
                    return Values.Normalize(c.Getter(t));
                }
                if (t is not (null or string or long or double or bool) && !Values.IsMap(t) && t is not System.Collections.IList
                    && HostProperties.Getter(t.GetType(), key) is { } getter)
                {
                    cache = new HostGetterCache(t.GetType(), getter);
                    return Values.Normalize(getter(t));
                }
                try
                {
                    return Access.Fetch(t, key);
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            };
        }
        var property = Compile(node.Property);
        return f =>
        {
            var t = target(f);
            if (ReferenceEquals(t, ChainSkip) || (optional && t is null))
            {
                return ChainSkip;
            }
            var k = property(f);
            try
            {
                return Access.Fetch(t, k);
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
        };
    }

    private Eval CompileChain(ChainNode node)
    {
        var inner = Compile(node.Inner);
        return f =>
        {
            var value = inner(f);
            return ReferenceEquals(value, ChainSkip) ? null : value;
        };
    }

    private Eval CompileSlice(SliceNode node)
    {
        var target = Compile(node.Target);
        var from = node.From is null ? null : Compile(node.From);
        var to = node.To is null ? null : Compile(node.To);
        var position = node.Position;
        return f =>
        {
            var t = target(f);
            var a = from?.Invoke(f);
            var b = to?.Invoke(f);
            try
            {
                return Access.Slice(t, a, b, f);
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
        };
    }

    private Eval CompileConditional(ConditionalNode node)
    {
        var condition = Compile(node.Condition);
        var otherwise = Compile(node.Else);
        var position = node.Condition.Position;
        if (node.Elvis)
        {
            return f =>
            {
                var c = condition(f);
                return c switch
                {
                    true => c,
                    false => otherwise(f),
                    _ => throw NonBool(c, position),
                };
            };
        }
        var then = Compile(node.Then);
        return f => condition(f) switch
        {
            true => then(f),
            false => otherwise(f),
            var c => throw NonBool(c, position),
        };
    }

    internal static EvalError NonBool(object? value, int position) =>
        new($"non-bool expression (type {Values.TypeName(value)}) used as condition", position);

    private Eval CompileArray(ArrayNode node)
    {
        var items = node.Items.Select(Compile).ToArray();
        var position = node.Position;
        return f =>
        {
            var result = new object?[items.Length];
            if (items.Length > 0)
            {
                try
                {
                    f.Allocate(items.Length);
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            }
            for (var i = 0; i < items.Length; i++)
            {
                result[i] = items[i](f);
            }
            return result;
        };
    }

    private Eval CompileMap(MapNode node)
    {
        var entries = node.Entries
            .Select(e => (Key: Compile(e.Key), Value: Compile(e.Value), e.ComputedKey, e.Key.Position))
            .ToArray();
        var position = node.Position;
        return f =>
        {
            var map = new Dictionary<string, object?>(entries.Length, StringComparer.Ordinal);
            if (entries.Length > 0)
            {
                try
                {
                    f.Allocate(entries.Length);
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            }
            foreach (var entry in entries)
            {
                var key = entry.Key(f);
                if (key is not string text)
                {
                    throw new EvalError($"map key must be a string, got {Values.TypeName(key)}", entry.Position);
                }
                var value = entry.Value(f);
                map.TryAdd(text, value);
            }
            return map;
        };
    }

    private Eval CompileLet(LetNode node)
    {
        foreach (var (name, _) in _lets)
        {
            if (name == node.Name)
            {
                throw new SyntaxError($"cannot redeclare variable {node.Name}", node.Position);
            }
        }
        if (Builtins.BuiltinCatalog.IsBuiltinName(node.Name) || _options.Functions.Contains(node.Name))
        {
            throw new SyntaxError($"cannot redeclare builtin {node.Name}", node.Position);
        }
        var value = Compile(node.Value);
        var slot = NewSlot();
        _lets.Add((node.Name, slot));
        var body = Compile(node.Body);
        _lets.RemoveAt(_lets.Count - 1);
        return f =>
        {
            f.Slots[slot] = value(f);
            return body(f);
        };
    }

    private Eval CompileSequence(SequenceNode node)
    {
        var items = node.Items.Select(Compile).ToArray();
        return f =>
        {
            object? last = null;
            foreach (var item in items)
            {
                last = item(f);
            }
            return last;
        };
    }

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
