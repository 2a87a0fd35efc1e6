namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// Process-wide settings of <c>git-push</c>. The retry delay before attempt n+1 is
/// <c>RetryBaseDelay × 1.5^(n−1)</c>, capped at <c>RetryMaxDelay</c>, plus up to 50 % random jitter
/// (Kargo: 1 s base, 30 s cap).
/// </summary>
internal sealed record GitPushSettings(
    GitPushIntegrationPolicy Policy = GitPushIntegrationPolicy.AlwaysRebase,
    TimeSpan? RetryBaseDelay = null,
    TimeSpan? RetryMaxDelay = null,
    TimeProvider? Time = null,
    Random? Jitter = null)
{
    public TimeSpan EffectiveBaseDelay => RetryBaseDelay ?? TimeSpan.FromSeconds(1);

    public TimeSpan EffectiveMaxDelay => RetryMaxDelay ?? TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads a policy name as Kargo's <c>GIT_PUSH_INTEGRATION_POLICY</c> takes it: empty means
    /// <see cref="GitPushIntegrationPolicy.AlwaysRebase"/>; an unknown name is Kargo's error.
    /// </summary>
    public static bool TryParsePolicy(string? text, out GitPushIntegrationPolicy policy, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            policy = GitPushIntegrationPolicy.AlwaysRebase;
            return true;
        }
        if (Enum.TryParse(text, ignoreCase: false, out policy) && Enum.IsDefined(policy) && !text.Any(char.IsDigit))
        {
            return true;
        }
        error = $"unknown push integration policy: \"{text}\"";
        return false;
    }

    /// <summary>The wait before retry <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var delay = EffectiveBaseDelay.TotalMilliseconds * Math.Pow(1.5, retry - 1);
        delay = Math.Min(delay, EffectiveMaxDelay.TotalMilliseconds);
        delay += delay * 0.5 * (Jitter ?? Random.Shared).NextDouble();
        return TimeSpan.FromMilliseconds(delay);
    }
}
