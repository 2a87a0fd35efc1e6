using System.Diagnostics;
using System.Text;
using Barge.Expressions.Parsing;
using Barge.Expressions.Syntax;
using Xunit;

namespace Barge.Expressions.Tests;

/// <summary>
/// Bounded property tests with fixed seeds: random token streams and random trees printed back to
/// text. Every input must end in a value or an <see cref="ExpressionException"/> — never another
/// exception, a crash or a hang — and a printed tree must parse back to the same text.
/// </summary>
public sealed class ExprFuzzTests
{
    private const int Cases = 5000;

    private static readonly ExprOptions Options = new() { MemoryBudget = 50_000, StepBudget = 50_000 };

    private static readonly IReadOnlyDictionary<string, object?> Env = (IReadOnlyDictionary<string, object?>)ExprJson.Parse(
        """{"a": 1, "b": 2.5, "s": "text", "l": [1, 2, 3], "m": {"k": "v", "n": null}, "t": true, "z": null}""")!;

    private static readonly string[] Vocabulary =
    [
        "a", "b", "s", "l", "m", "t", "z", "$env", "x", "1", "0", "-1", "2.5", ".5", "1e3", "0x1F", "0b1", "'str'", "\"q\"", "`raw`",
        "true", "false", "nil", "+", "-", "*", "/", "%", "**", "^", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "and", "or",
        "not", "!", "in", "matches", "contains", "startsWith", "endsWith", "..", "??", "?.", "?", ":", "?:", "|", ".", ",", ";",
        "(", ")", "[", "]", "{", "}", "#", "#index", "#acc", "let", "=", "if", "else", "::", "map", "filter", "len", "all",
        "reduce", "sortBy", "groupBy", "sum", "max", "toJSON", "split", "upper", "repeat", "get", "keys", "date", "duration",
        "'(a+)+$'", "9223372036854775807", "\\", "'unterminated", "/*", "//", "♥", "\uD800", "é", "${{", "}}",
    ];

    [Fact]
    public void Compile_RandomTokenStreams_NeverThrowAnythingButExpressionErrors()
    {
        var random = new Random(20_260_101);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var count = random.Next(1, 24);
            var builder = new StringBuilder();
            for (var k = 0; k < count; k++)
            {
                builder.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                builder.Append(random.Next(4) == 0 ? string.Empty : " ");
            }
            AssertValueOrExpressionError(builder.ToString());
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Compile_RandomCharacters_NeverThrowAnythingButExpressionErrors()
    {
        var random = new Random(7);
        const string Alphabet = "ab1 .?:#()[]{}'\"`\\+-*/%<>=!&|^,;$_\n\té♥";
        for (var i = 0; i < Cases; i++)
        {
            var chars = new char[random.Next(1, 30)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(50) == 0 ? (char)random.Next(0xD800, 0xE000) : Alphabet[random.Next(Alphabet.Length)];
            }
            AssertValueOrExpressionError(new string(chars));
        }
    }

    [Fact]
    public void Print_RandomTrees_RoundTripAndEvaluateSafely()
    {
        var random = new Random(42);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var tree = new TreeGenerator(random).Generate(random.Next(1, 6));
            var text = SyntaxPrinter.Print(tree);
            var reparsed = Parser.Parse(text, ExprOptions.Default);
            Assert.Equal(text, SyntaxPrinter.Print(reparsed));
            AssertValueOrExpressionError(text);
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static void AssertValueOrExpressionError(string source)
    {
        try
        {
            var value = Expr.Compile(source, Options).Evaluate(Env);
            try
            {
                _ = ExprJson.Format(value);
            }
            catch (ExpressionException)
            {
                // unencodable values (NaN, maps with non-string keys) are fine here
            }
        }
        catch (ExpressionException)
        {
            // an expression error is the expected failure
        }
        catch (Exception e)
        {
            Assert.Fail($"{source}\nthrew {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }

    /// <summary>Builds random (mostly ill-typed) trees within the shapes the parser can produce.</summary>
    private sealed class TreeGenerator(Random random)
    {
        private static readonly string[] Binary =
            ["+", "-", "*", "/", "%", "**", "==", "!=", "<", ">=", "&&", "||", "in", "contains", "startsWith", "matches", "..", "??"];

        private static readonly string[] Names = ["a", "b", "s", "l", "m", "t", "z", "undefinedName"];
        private static readonly string[] Calls = ["len", "upper", "abs", "string", "first", "max", "toJSON", "keys", "type", "int", "float"];
        private static readonly string[] Predicates = ["map", "filter", "all", "any", "count", "sum", "sortBy", "groupBy", "find"];
        private int _lets;
        private int _predicateDepth;

        public Node Generate(int depth)
        {
            if (depth <= 0)
            {
                return Leaf();
            }
            return random.Next(14) switch
            {
                0 => new UnaryNode(random.Next(3) switch { 0 => "-", 1 => "!", _ => "not" }, Generate(depth - 1), 0),
                1 or 2 => new BinaryNode(Binary[random.Next(Binary.Length)], Generate(depth - 1), Generate(depth - 1), 0),
                3 => new MemberNode(Generate(depth - 1), new StringNode(Names[random.Next(Names.Length)], 0), random.Next(2) == 0, IsName: true, 0),
                4 => new MemberNode(Generate(depth - 1), Generate(depth - 1), false, IsName: false, 0),
                5 => new SliceNode(Generate(depth - 1), random.Next(2) == 0 ? null : Generate(depth - 1), random.Next(2) == 0 ? null : Generate(depth - 1), 0),
                6 => new CallNode(Calls[random.Next(Calls.Length)], [Generate(depth - 1)], false, 0),
                7 => Predicate(depth),
                8 => new ConditionalNode(Generate(depth - 1), Generate(depth - 1), Generate(depth - 1), random.Next(2) == 0, false, 0),
                9 => new ArrayNode(Enumerable.Range(0, random.Next(4)).Select(_ => Generate(depth - 1)).ToList(), 0),
                10 => new MapNode(Enumerable.Range(0, random.Next(3)).Select(k => new MapEntry(new StringNode("k" + k, 0), Generate(depth - 1), false)).ToList(), 0),
                11 => Let(depth),
                12 => new SequenceNode([Generate(depth - 1), Generate(depth - 1)], 0),
                _ => new ConditionalNode(Generate(depth - 1), Generate(depth - 1), Generate(depth - 1), false, true, 0) is var c
                    ? c with { Then = c.Condition }
                    : Leaf(),
            };
        }

        private CallNode Predicate(int depth)
        {
            var name = Predicates[random.Next(Predicates.Length)];
            var collection = random.Next(3) == 0 ? new IdentifierNode("l", 0) : Generate(depth - 1);
            _predicateDepth++;
            var body = Generate(depth - 1);
            _predicateDepth--;
            return new CallNode(name, [collection, new PredicateNode(body, true, 0)], true, 0);
        }

        private LetNode Let(int depth)
        {
            var name = "v" + _lets++;
            return new LetNode(name, Generate(depth - 1), Generate(depth - 1), 0);
        }

        private Node Leaf() => random.Next(9) switch
        {
            0 => new NilNode(0),
            1 => new BoolNode(random.Next(2) == 0, 0),
            2 => new IntegerNode(random.Next(0, 100), 0),
            3 => new FloatNode(random.NextDouble() * 10, 0),
            4 => new StringNode(random.Next(3) == 0 ? "é\"\\\n" : "s" + random.Next(10), 0),
            5 when _predicateDepth > 0 => new PointerNode(random.Next(3) == 0 ? "index" : string.Empty, 0),
            _ => new IdentifierNode(Names[random.Next(Names.Length)], 0),
        };
    }
}
