using Barge.Resources.Manifests;
using Xunit;

namespace Barge.Resources.Tests.Manifests;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("top level", "$.spec", "spec")]
    [InlineData("nested with index", "$.spec.steps[2].config", "spec.steps[2].config")]
    [InlineData("quoted key", "$.metadata.labels['kargo.akuity.io/alias']", "metadata.labels['kargo.akuity.io/alias']")]
    [InlineData("root", "$", "")]
    [InlineData("absent", null, "")]
    public void FromJsonPath_Case_GivesDisplayPath(string name, string? jsonPath, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, FieldPath.FromJsonPath(jsonPath));
    }

    [Theory]
    [InlineData("field", "spec.interval", "spec")]
    [InlineData("item", "spec.steps[3]", "spec.steps")]
    [InlineData("field of item", "spec.steps[3].as", "spec.steps[3]")]
    [InlineData("quoted key", "metadata.labels['a.b/c']", "metadata.labels")]
    [InlineData("top level", "spec", "")]
    public void Parent_Case_DropsLastSegment(string name, string path, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, FieldPath.Parent(path));
    }

    [Fact]
    public void Child_KeyThatIsNotAnIdentifier_IsQuoted()
    {
        Assert.Equal("data['my.key']", FieldPath.Child("data", "my.key"));
        Assert.Equal("data.plain_key-1", FieldPath.Child("data", "plain_key-1"));
    }
}
