using System.Collections.Frozen;

namespace Barge.Storage;

internal static class EmptyMap
{
    public static readonly IReadOnlyDictionary<string, string> Instance = FrozenDictionary<string, string>.Empty;
}
