using System.Globalization;
using Barge.Resources.Durations;

namespace Barge.Cli.History;

/// <summary>The <c>--since</c>/<c>--until</c> values: an RFC 3339 time, or a Go duration counted back from now.</summary>
internal static class HistoryTime
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)
            && text.Contains('-', StringComparison.Ordinal))
        {
            return true;
        }
        if (GoDuration.TryParse(text, out var back) && back >= TimeSpan.Zero)
        {
            time = now - back;
            return true;
        }
        time = default;
        return false;
    }
}
