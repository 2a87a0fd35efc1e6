using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class PromotionOrderTests
{
    [Fact]
    public void Compare_RunningThenPendingFifoThenTerminalNewestFirst()
    {
        var promotions = new[]
        {
            Promo("dev.01", "dev", "a", PromotionPhase.Succeeded),
            Promo("dev.05", "dev", "a", PromotionPhase.Pending),
            Promo("dev.02", "dev", "a", PromotionPhase.Failed),
            Promo("dev.04", "dev", "a", null),
            Promo("dev.06", "dev", "a", PromotionPhase.Running),
            Promo("dev.03", "dev", "a", PromotionPhase.Aborted),
        };

        var ordered = promotions.Order(PromotionOrder.Instance).Select(p => p.Name);

        Assert.Equal(["dev.06", "dev.04", "dev.05", "dev.03", "dev.02", "dev.01"], ordered);
    }
}
