using System.Text;
using Barge.Expressions.Evaluation;

namespace Barge.Expressions.Builtins;

/// <summary>String builtins with Go's semantics (byte offsets for <c>indexOf</c>, Go's <c>split</c> rules).</summary>
internal static class StringBuiltins
{
    public static void Register(List<BuiltinFunction> all)
    {
        all.Add(new("trim", 1, 2, static (a, _) => a.Length == 1
            ? TrimSpace(Args.String("trim", a[0]))
            : TrimCutset(Args.String("trim", a[0]), Args.String("trim", a[1]), start: true, end: true)));
        all.Add(new("trimPrefix", 1, 2, static (a, _) =>
        {
            var s = Args.String("trimPrefix", a[0]);
            var prefix = a.Length > 1 ? Args.String("trimPrefix", a[1]) : " ";
            return s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;
        }));
        all.Add(new("trimSuffix", 1, 2, static (a, _) =>
        {
            var s = Args.String("trimSuffix", a[0]);
            var suffix = a.Length > 1 ? Args.String("trimSuffix", a[1]) : " ";
            return s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;
        }));
        all.Add(new("upper", 1, 1, static (a, _) => Args.String("upper", a[0]).ToUpperInvariant()));
        all.Add(new("lower", 1, 1, static (a, _) => Args.String("lower", a[0]).ToLowerInvariant()));
        all.Add(new("split", 2, 3, static (a, f) => Split("split", a, f, keepSeparator: false)));
        all.Add(new("splitAfter", 2, 3, static (a, f) => Split("splitAfter", a, f, keepSeparator: true)));
        all.Add(new("replace", 3, 4, static (a, f) => Replace(
            Args.String("replace", a[0]), Args.String("replace", a[1]), Args.String("replace", a[2]),
            a.Length > 3 ? Args.Int("replace", a[3]) : -1, f)));
        all.Add(new("repeat", 2, 2, static (a, f) => Repeat(Args.String("repeat", a[0]), Args.Int("repeat", a[1]), f)));
        all.Add(new("join", 1, 2, static (a, f) => Join(a, f)));
        all.Add(new("indexOf", 2, 2, static (a, _) =>
            ByteIndex(Args.String("indexOf", a[0]), Args.String("indexOf", a[1]), last: false)));
        all.Add(new("lastIndexOf", 2, 2, static (a, _) =>
            ByteIndex(Args.String("lastIndexOf", a[0]), Args.String("lastIndexOf", a[1]), last: true)));
        all.Add(new("hasPrefix", 2, 2, static (a, _) =>
            Boxes.Bool(Args.String("hasPrefix", a[0]).StartsWith(Args.String("hasPrefix", a[1]), StringComparison.Ordinal))));
        all.Add(new("hasSuffix", 2, 2, static (a, _) =>
            Boxes.Bool(Args.String("hasSuffix", a[0]).EndsWith(Args.String("hasSuffix", a[1]), StringComparison.Ordinal))));
    }

    internal static string TrimSpace(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && Rune.IsWhiteSpace(Rune.GetRuneAt(s, start)))
        {
            start += Rune.GetRuneAt(s, start).Utf16SequenceLength;
        }
        while (end > start)
        {
            var width = char.IsLowSurrogate(s[end - 1]) && end - 2 >= start ? 2 : 1;
            if (!Rune.TryGetRuneAt(s, end - width, out var rune) || !Rune.IsWhiteSpace(rune))
            {
                break;
            }
            end -= width;
        }
        return s[start..end];
    }

    private static string TrimCutset(string s, string cutset, bool start, bool end)
    {
        var set = new HashSet<int>();
        foreach (var rune in cutset.EnumerateRunes())
        {
            set.Add(rune.Value);
        }
        var runes = s.EnumerateRunes().ToList();
        var from = 0;
        var to = runes.Count;
        while (start && from < to && set.Contains(runes[from].Value))
        {
            from++;
        }
        while (end && to > from && set.Contains(runes[to - 1].Value))
        {
            to--;
        }
        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            builder.Append(runes[i].ToString());
        }
        return builder.ToString();
    }

    private static object Split(string name, ReadOnlySpan<object?> a, Frame frame, bool keepSeparator)
    {
        var s = Args.String(name, a[0]);
        var sep = Args.String(name, a[1]);
        var n = a.Length > 2 ? Args.Int(name, a[2]) : -1;
        if (n == 0)
        {
            return Array.Empty<object?>();
        }
        var parts = new List<object?>();
        if (sep.Length == 0)
        {
            var runes = s.EnumerateRunes().Select(r => r.ToString()).ToList();
            for (var i = 0; i < runes.Count; i++)
            {
                if (n > 0 && parts.Count == n - 1)
                {
                    parts.Add(string.Concat(runes.Skip(i)));
                    break;
                }
                parts.Add(runes[i]);
            }
        }
        else
        {
            var start = 0;
            while (n < 0 || parts.Count < n - 1)
            {
                var at = s.IndexOf(sep, start, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                parts.Add(s[start..(keepSeparator ? at + sep.Length : at)]);
                start = at + sep.Length;
            }
            parts.Add(s[start..]);
        }
        frame.Allocate(parts.Count);
        return parts.ToArray();
    }

    private static string Replace(string s, string old, string replacement, long n, Frame frame)
    {
        if (n == 0 || (old.Length > 0 && !s.Contains(old, StringComparison.Ordinal)))
        {
            return s;
        }
        var builder = new StringBuilder();
        var count = 0L;
        if (old.Length == 0)
        {
            var runes = s.EnumerateRunes().ToList();
            for (var i = 0; i <= runes.Count; i++)
            {
                if (n < 0 || count < n)
                {
                    builder.Append(replacement);
                    count++;
                }
                if (i < runes.Count)
                {
                    builder.Append(runes[i].ToString());
                }
            }
        }
        else
        {
            var start = 0;
            while (n < 0 || count < n)
            {
                var at = s.IndexOf(old, start, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }
                builder.Append(s, start, at - start).Append(replacement);
                start = at + old.Length;
                count++;
            }
            builder.Append(s, start, s.Length - start);
        }
        frame.CountString(builder.Length);
        return builder.ToString();
    }

    private static string Repeat(string s, long n, Frame frame)
    {
        if (n < 0)
        {
            throw new EvalError("invalid argument for repeat: negative repeat count");
        }
        var size = s.Length * n;
        if (n > 1_000_000 || size > 1_000_000_000)
        {
            throw new EvalError("memory budget exceeded");
        }
        frame.Allocate(size);
        var builder = new StringBuilder((int)size);
        for (var i = 0; i < n; i++)
        {
            builder.Append(s);
        }
        return builder.ToString();
    }

    private static string Join(ReadOnlySpan<object?> a, Frame frame)
    {
        var list = Args.List("join", a[0]);
        var sep = a.Length > 1 ? Args.String("join", a[1]) : string.Empty;
        var builder = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            frame.Step();
            if (Values.Normalize(list[i]) is not string item)
            {
                throw new EvalError($"invalid argument for join: element {i} is {Values.TypeName(Values.Normalize(list[i]))}, not string");
            }
            if (i > 0)
            {
                builder.Append(sep);
            }
            builder.Append(item);
        }
        frame.CountString(builder.Length);
        return builder.ToString();
    }

    private static object ByteIndex(string s, string sub, bool last)
    {
        var at = last ? s.LastIndexOf(sub, StringComparison.Ordinal) : s.IndexOf(sub, StringComparison.Ordinal);
        if (last && sub.Length == 0)
        {
            at = s.Length;
        }
        return at < 0 ? Boxes.Int(-1) : Boxes.Int(Encoding.UTF8.GetByteCount(s.AsSpan(0, at)));
    }
}
