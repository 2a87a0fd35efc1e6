using System.Globalization;

namespace Barge.Benchmarks.Storage;

/// <summary>Median, p95, p99 and max of a set of timings in milliseconds, and the machine's load when they were taken.</summary>
internal sealed record LatencySummary(int Count, double Median, double P95, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("no timings to summarise", nameof(milliseconds));
        }
        var sorted = milliseconds.Order().ToArray();
        return new(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    /// <summary>The one-minute load average from /proc/loadavg ("?" where there is none).</summary>
    public static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} median {Median:F2} ms, p95 {P95:F2} ms, p99 {P99:F2} ms, max {Max:F2} ms");

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
