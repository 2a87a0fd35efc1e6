namespace Barge.Engine.Promotion.Formats;

/// <summary>
/// Splits an update key (<c>image.tag</c>, <c>a\.b.:0</c>) into parts with Kargo's rules: <c>.</c>
/// separates, <c>\.</c> and <c>\:</c> are literal, a leading <c>:</c> of a part is dropped.
/// </summary>
internal static class KeyPath
{
    public static bool TrySplit(string key, out IReadOnlyList<string> parts, out string error)
    {
        ArgumentNullException.ThrowIfNull(key);
        parts = [];
        var trimmed = key.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty key";
            return false;
        }
        var result = new List<string>();
        var part = new System.Text.StringBuilder();
        var partStart = true;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < trimmed.Length && trimmed[i + 1] is '.' or ':')
                    {
                        part.Append(trimmed[++i]);
                        partStart = false;
                        continue;
                    }
                    error = $"invalid escape sequence in key \"{key}\"";
                    return false;
                case '.':
                    if (part.Length == 0)
                    {
                        error = $"empty key part in key \"{key}\"";
                        return false;
                    }
                    result.Add(part.ToString());
                    part.Clear();
                    partStart = true;
                    continue;
                case ':':
                    if (!partStart || part.Length > 0)
                    {
                        error = $"unexpected colon in key \"{key}\"";
                        return false;
                    }
                    partStart = false;
                    continue;
                default:
                    part.Append(c);
                    partStart = false;
                    continue;
            }
        }
        if (part.Length == 0)
        {
            error = $"empty key part in key \"{key}\"";
            return false;
        }
        result.Add(part.ToString());
        parts = result;
        error = "";
        return true;
    }
}
