using System.Text;

namespace Barge.Engine.Discovery.Git;

/// <summary>
/// Orders strings by their UTF-8 bytes, as Go compares strings. Ordinal UTF-16 order differs only
/// between supplementary characters and U+E000–U+FFFF, but tag order must not differ at all.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        if (x.All(char.IsAscii) && y.All(char.IsAscii))
        {
            return Math.Sign(string.CompareOrdinal(x, y));
        }
        return Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));
    }
}
