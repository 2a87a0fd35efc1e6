namespace Barge.Ui.Tests.Harness;

/// <summary>Test classes marked <c>[Collection(BrowserCollection.Name)]</c> share one <see cref="BrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
