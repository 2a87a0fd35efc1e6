using Xunit;

namespace Barge.Server.Tests.Webhooks;

/// <summary>A load test: reported as skipped unless <c>BARGE_WEBHOOK_LOAD=1</c> (it runs for minutes; bench/webhook-load.sh sets it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LoadFactAttribute : FactAttribute
{
    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("BARGE_WEBHOOK_LOAD") != "1")
        {
            Skip = "load test: set BARGE_WEBHOOK_LOAD=1 (bench/webhook-load.sh) to run it";
        }
    }
}
