using System.Collections;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Barge.Expressions.Syntax;

namespace Barge.Expressions.Evaluation;

/// <summary><c>in</c>, <c>contains</c>/<c>startsWith</c>/<c>endsWith</c>, <c>matches</c> and ranges.</summary>
internal static class Membership
{
    private static readonly ConcurrentDictionary<string, Regex> RegexCache = new(StringComparer.Ordinal);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static bool In(object? needle, object? haystack)
    {
        switch (haystack)
        {
            case null:
                return false;
            case IList list when haystack is not IDictionary:
                foreach (var item in list)
                {
                    if (Equality.Equal(needle, Values.Normalize(item)))
                    {
                        return true;
                    }
                }
                return false;
            default:
                if (Values.IsMap(haystack))
                {
                    return Values.MapContains(haystack, needle, -1);
                }
                if (haystack is not (string or long or double or bool) && needle is string name)
                {
                    return HostProperties.TryGet(haystack, name, out _);
                }
                throw Arithmetic.Invalid(needle, "in", haystack);
        }
    }

    public static bool StringTest(object? a, object? b, string op)
    {
        if (a is null || b is null)
        {
            return false;
        }
        if (a is string x && b is string y)
        {
            return op switch
            {
                "contains" => x.Contains(y, StringComparison.Ordinal),
                "startsWith" => x.StartsWith(y, StringComparison.Ordinal),
                _ => x.EndsWith(y, StringComparison.Ordinal),
            };
        }
        throw Arithmetic.Invalid(a, op, b);
    }

    public static bool Matches(object? value, object? pattern)
    {
        if (value is null || pattern is null)
        {
            return false;
        }
        if (pattern is not string text || value is not string)
        {
            throw Arithmetic.Invalid(value, "matches", pattern);
        }
        return Matches(value, Cached(text));
    }

    public static bool Matches(object? value, Regex regex)
    {
        if (value is null)
        {
            return false;
        }
        if (value is not string text)
        {
            throw new EvalError($"invalid operation: {Values.TypeName(value)} matches string");
        }
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new EvalError("regular expression match timed out");
        }
    }

    /// <summary>Compiles a literal pattern at compile time; an invalid one is a compile error.</summary>
    public static Regex CompileRegex(string pattern, int position)
    {
        try
        {
            return Create(pattern);
        }
        catch (ArgumentException e)
        {
            throw new SyntaxError("invalid regular expression: " + e.Message, position);
        }
    }

    private static Regex Cached(string pattern)
    {
        if (RegexCache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        Regex regex;
        try
        {
            regex = Create(pattern);
        }
        catch (ArgumentException e)
        {
            throw new EvalError("invalid regular expression: " + e.Message);
        }
        if (RegexCache.Count < 512)
        {
            RegexCache.TryAdd(pattern, regex);
        }
        return regex;
    }

    /// <summary>
    /// RE2 patterns run on .NET's non-backtracking engine, so no pattern can take exponential time;
    /// the few constructs it lacks fall back to the backtracking engine with a match timeout.
    /// </summary>
    private static Regex Create(string pattern)
    {
        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }

    public static object Range(object? from, object? to, Frame frame)
    {
        var a = from switch
        {
            long l => l,
            double d => (long)d,
            _ => throw Arithmetic.Invalid(from, "..", to),
        };
        var b = to switch
        {
            long l => l,
            double d => (long)d,
            _ => throw Arithmetic.Invalid(from, "..", to),
        };
        if (b < a)
        {
            return Array.Empty<object?>();
        }
        var count = (ulong)(b - a) + 1;
        frame.Allocate(count > long.MaxValue / 2 ? long.MaxValue / 2 : (long)count);
        var result = new object?[count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Boxes.Int(a + i);
        }
        return result;
    }
}
