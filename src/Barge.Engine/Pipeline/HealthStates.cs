namespace Barge.Engine.Pipeline;

/// <summary>Stage health states and Kargo's merge severity: Healthy &lt; NotApplicable &lt; Progressing &lt; Unknown &lt; Unhealthy.</summary>
public static class HealthStates
{
    public const string Healthy = "Healthy";
    public const string NotApplicable = "NotApplicable";
    public const string Progressing = "Progressing";
    public const string Unknown = "Unknown";
    public const string Unhealthy = "Unhealthy";

    /// <summary>The more severe of two states (an unrecognised state counts as Healthy, as in Kargo's map lookup).</summary>
    public static string Merge(string a, string b) => Severity(a) > Severity(b) ? a : b;

    /// <summary>
    /// Whether the state lets verification run and gates the queue as Healthy does. Barge reports
    /// NotApplicable for a Stage whose Promotion registered no health checks, where Kargo reports Healthy,
    /// and treats the two alike everywhere Kargo asks "is the Stage Healthy?".
    /// </summary>
    public static bool PassesChecks(string? state) => state is Healthy or NotApplicable;

    private static int Severity(string state) => state switch
    {
        NotApplicable => 1,
        Progressing => 2,
        Unknown => 3,
        Unhealthy => 4,
        _ => 0,
    };
}
