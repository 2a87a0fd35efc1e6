using System.Collections;
using Barge.Expressions.Builtins;
using Barge.Expressions.Parsing;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

internal sealed partial class Compiler
{
    private Eval CompileCall(CallNode node)
    {
        var hostOverride = !node.ForceBuiltin && _options.Functions.TryGet(node.Name, out _);
        var hasPredicate = node.Arguments.Any(a => a is PredicateNode);
        if (Operators.TryPredicate(node.Name, out _) && (hasPredicate || !hostOverride) && !hostOverride)
        {
            return CompilePredicateCall(node);
        }
        if (hostOverride && _options.Functions.TryGet(node.Name, out var host))
        {
            return CompileHostCall(node, host);
        }
        if (BuiltinCatalog.TryGet(node.Name, out var builtin))
        {
            return CompileBuiltinCall(node, builtin);
        }
        if (_options.Functions.TryGet(node.Name, out var forced))
        {
            return CompileHostCall(node, forced);
        }
        throw new SyntaxError($"unknown func {node.Name}", node.Position);
    }

    private Eval[] CompileArguments(CallNode node) => node.Arguments.Select(Compile).ToArray();

    private Eval CompileBuiltinCall(CallNode node, BuiltinFunction builtin)
    {
        var count = node.Arguments.Count;
        if (count < builtin.MinArgs)
        {
            throw new SyntaxError($"not enough arguments to call {builtin.Name}", node.Position);
        }
        if (count > builtin.MaxArgs)
        {
            throw new SyntaxError($"too many arguments to call {builtin.Name}", node.Position);
        }
        var arguments = CompileArguments(node);
        var body = builtin.Body;
        var position = node.Position;
        if (count == 1)
        {
            var only = arguments[0];
            return f =>
            {
                var buffer = default(ArgumentBuffer);
                buffer[0] = only(f);
                try
                {
                    return body(((ReadOnlySpan<object?>)buffer)[..1], f);
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            };
        }
        if (count <= 8)
        {
            return f =>
            {
                var buffer = default(ArgumentBuffer);
                for (var i = 0; i < arguments.Length; i++)
                {
                    buffer[i] = arguments[i](f);
                }
                try
                {
                    return body(((ReadOnlySpan<object?>)buffer)[..arguments.Length], f);
                }
                catch (EvalError e) when (e.Position < 0)
                {
                    throw e.At(position);
                }
            };
        }
        return f =>
        {
            var values = new object?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                values[i] = arguments[i](f);
            }
            try
            {
                return body(values, f);
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
        };
    }

    private Eval CompileHostCall(CallNode node, HostFunction function)
    {
        if (node.Arguments.Any(a => a is PredicateNode))
        {
            throw new SyntaxError($"{function.Name}: a predicate cannot be passed to a host function", node.Position);
        }
        var arguments = CompileArguments(node);
        var position = node.Position;
        if (arguments.Length > 8)
        {
            throw new SyntaxError($"too many arguments to call {function.Name}", position);
        }
        return f =>
        {
            var buffer = default(ArgumentBuffer);
            for (var i = 0; i < arguments.Length; i++)
            {
                buffer[i] = arguments[i](f);
            }
            ReadOnlySpan<object?> values = ((ReadOnlySpan<object?>)buffer)[..arguments.Length];
            try
            {
                HostCalls.Check(function, values);
                return Values.Normalize(function.Body(values));
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
            catch (ExpressionFunctionException e)
            {
                throw new EvalError($"{function.Name}: {e.Message}", position);
            }
        };
    }

    private Eval CompileMethodCall(MethodCallNode node)
    {
        var target = Compile(node.Target);
        var arguments = node.Arguments.Select(Compile).ToArray();
        var name = node.Name;
        var optional = node.Optional;
        var position = node.Position;
        return f =>
        {
            var t = target(f);
            if (ReferenceEquals(t, ChainSkip) || (optional && t is null))
            {
                return ChainSkip;
            }
            var values = new object?[arguments.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = arguments[i](f);
            }
            try
            {
                return Methods.Call(t, name, values);
            }
            catch (EvalError e) when (e.Position < 0)
            {
                throw e.At(position);
            }
            catch (ExpressionFunctionException e)
            {
                throw new EvalError($"{name}: {e.Message}", position);
            }
        };
    }

    internal static object? ItemAt(IList list, int index) => Values.Normalize(list[index]);
}
