using Barge.Engine.Pipeline;
using Barge.Resources.Model;
using Xunit;
using static Barge.Engine.Tests.Pipeline.PipelineFixtures;

namespace Barge.Engine.Tests.Pipeline;

public sealed class FreightCollectionsTests
{
    [Fact]
    public void Id_KargoVector_Sha1OfSortedNames()
    {
        Assert.Equal("5acd77758bcfb2d8857b5d8a95aceb24948c22de", FreightCollections.Id([new string('b', 40), new string('a', 40)]));
    }

    [Fact]
    public void UpdateOrPush_SameOrigin_ReplacesAndRecomputesId()
    {
        var first = Collection(Ref("a", "grommet-dev"), Ref("r", "grommet-release"));

        var second = FreightCollections.UpdateOrPush(first, Ref("b", "grommet-dev"));

        Assert.Equal(["b", "r"], second.Items!.Values.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(FreightCollections.Id(["b", "r"]), second.Id);
        Assert.Equal(["a", "r"], first.Items!.Values.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ForPromotion_SeveralOrigins_InheritsLastPromotionsFreightOfRequestedOrigins()
    {
        var stage = Stage("dev", Direct("grommet-dev"), Direct("grommet-release")).WithStatus(s => s with
        {
            LastPromotion = new PromotionReference
            {
                Name = "dev.01",
                Status = new PromotionStatus { FreightCollection = Collection(Ref("d1", "grommet-dev"), Ref("r1", "grommet-release"), Ref("x", "dropped")) },
            },
        });

        var collection = FreightCollections.ForPromotion(stage, Ref("d2", "grommet-dev"));

        Assert.Equal(["d2", "r1"], collection.Items!.Values.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ForPromotion_OneOrigin_OnlyTheTarget()
    {
        var stage = Stage("prod", From("grommet-release", "dev")).WithStatus(s => s with
        {
            LastPromotion = new PromotionReference { Name = "p", Status = new PromotionStatus { FreightCollection = Collection(Ref("r1", "grommet-release")) } },
        });

        Assert.Equal(["r2"], FreightCollections.ForPromotion(stage, Ref("r2", "grommet-release")).Items!.Values.Select(r => r.Name));
    }

    [Fact]
    public void RecordVerification_SameIdUpdatedInPlace_NewOnTop_CappedAtTen()
    {
        var collection = Collection(Ref("a", "grommet-dev"));
        for (var i = 0; i < 12; i++)
        {
            collection = FreightCollections.RecordVerification(collection, new VerificationInfo { Id = $"v{i}", Phase = VerificationPhase.Running });
        }
        collection = FreightCollections.RecordVerification(collection, new VerificationInfo { Id = "v5", Phase = VerificationPhase.Successful });

        Assert.Equal(10, collection.VerificationHistory!.Count);
        Assert.Equal("v11", collection.VerificationHistory[0].Id);
        Assert.Equal(VerificationPhase.Successful, collection.VerificationHistory.Single(v => v.Id == "v5").Phase);
    }

    [Fact]
    public void Reference_CarriesNameOriginAndArtifacts()
    {
        var reference = FreightCollections.Reference(Freight("f1", "grommet-dev"));

        Assert.Equal("f1", reference.Name);
        Assert.Equal("Warehouse/grommet-dev", reference.Origin!.ToString());
        Assert.Equal("f1", Assert.Single(reference.Commits!).Id);
    }
}
