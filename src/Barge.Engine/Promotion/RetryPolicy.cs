using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Barge.Resources.Model;

namespace Barge.Engine.Promotion;

/// <summary>
/// A step's effective retry settings (kargo-spec §5): the error threshold (the step's, else the step
/// kind's default, else 1) and the timeout (the step's, else the kind's default, else none).
/// </summary>
internal sealed partial record RetryPolicy(uint ErrorThreshold, TimeSpan? Timeout)
{
    public static RetryPolicy For(PromotionStepRetry? retry, IPromotionStep? step)
    {
        var threshold = retry?.ErrorThreshold is > 0 ? retry.ErrorThreshold : step?.DefaultErrorThreshold is > 0 ? step.DefaultErrorThreshold : 1u;
        var timeout = retry?.Timeout is { Length: > 0 } text && TryParseDuration(text, out var parsed) ? parsed : step?.DefaultTimeout;
        return new RetryPolicy(threshold, timeout is { } t && t > TimeSpan.Zero ? t : null);
    }

    /// <summary>Parses the CRD's duration form <c>^([0-9]+(\.[0-9]+)?(s|m|h))+$</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!DurationPattern().IsMatch(text))
        {
            return false;
        }
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }
        return true;
    }

    /// <summary>Go's <c>Duration.String()</c> for whole and fractional seconds: <c>5m0s</c>, <c>1h0m0s</c>, <c>1.5s</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }
        if (hours > 0 || duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }
        var seconds = duration.Seconds + (duration.Ticks % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
        text.Append(seconds.ToString("0.#########", CultureInfo.InvariantCulture)).Append('s');
        return text.ToString();
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();
}
