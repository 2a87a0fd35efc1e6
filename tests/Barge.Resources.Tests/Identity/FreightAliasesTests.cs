using Barge.Resources.Identity;
using Barge.Resources.Model;
using Xunit;

namespace Barge.Resources.Tests.Identity;

public sealed class FreightAliasesTests
{
    [Fact]
    public void WordLists_HaveHundredsOfDistinctLowercaseWords()
    {
        Assert.True(FreightAliases.Adjectives.Count >= 250, $"{FreightAliases.Adjectives.Count} adjectives");
        Assert.True(FreightAliases.Animals.Count >= 250, $"{FreightAliases.Animals.Count} animals");
        Assert.Equal(FreightAliases.Adjectives.Count, FreightAliases.Adjectives.Distinct().Count());
        Assert.Equal(FreightAliases.Animals.Count, FreightAliases.Animals.Distinct().Count());
        Assert.All(FreightAliases.Adjectives.Concat(FreightAliases.Animals), w => Assert.Matches("^[a-z]+$", w));
    }

    [Fact]
    public void Generate_SeededRandom_IsDeterministicAdjectiveAnimal()
    {
        var first = new FreightAliases(new Random(7)).Generate(_ => false);
        var second = new FreightAliases(new Random(7)).Generate(_ => false);

        Assert.Equal(first, second);
        var parts = first.Split('-');
        Assert.Contains(parts[0], FreightAliases.Adjectives);
        Assert.Contains(parts[1], FreightAliases.Animals);
    }

    [Fact]
    public void Generate_TakenCandidates_AreSkipped()
    {
        var taken = new HashSet<string>();
        var aliases = new FreightAliases(new Random(1));
        for (var i = 0; i < 2000; i++)
        {
            Assert.True(taken.Add(aliases.Generate(taken.Contains)));
        }
    }

    [Fact]
    public void Generate_EveryPairTaken_StillEndsWithASuffix()
    {
        var alias = new FreightAliases(new Random(3)).Generate(candidate => candidate.Count(c => c == '-') == 1);

        Assert.Matches("^[a-z]+-[a-z]+-[0-9]+$", alias);
    }

    [Fact]
    public async Task GenerateAsync_AsyncPredicate_SkipsTaken()
    {
        var aliases = new FreightAliases(new Random(5));
        var firstChoice = new FreightAliases(new Random(5)).Generate(_ => false);

        var alias = await aliases.GenerateAsync((c, _) => ValueTask.FromResult(c == firstChoice), CancellationToken.None);

        Assert.NotEqual(firstChoice, alias);
    }

    [Theory]
    [InlineData("alias set adds label", "wonky-wombat", null, "wonky-wombat")]
    [InlineData("alias changed updates label", "new-name", "old-name", "new-name")]
    [InlineData("alias cleared removes label", null, "old-name", null)]
    public void SyncLabel_Case_KeepsLabelEqualToAlias(string name, string? alias, string? label, string? expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var freight = new Freight
        {
            Alias = alias,
            Metadata = new ObjectMeta { Labels = label is null ? null : new() { [KargoApi.AliasLabel] = label } },
        };

        var synced = FreightAliases.SyncLabel(freight);

        Assert.Equal(expected, synced.Metadata.Labels?.GetValueOrDefault(KargoApi.AliasLabel));
    }
}
