using System.Text.Json;
using Barge.Storage.Selection;
using Xunit;

namespace Barge.Storage.Tests.Selection;

public sealed class FieldFilterTests
{
    [Theory]
    [InlineData("equality", "spec.origin.name=grommet", FieldRoot.Spec, "origin,name", FieldOperator.Equals, "grommet")]
    [InlineData("double equals", "spec.stage==dev", FieldRoot.Spec, "stage", FieldOperator.Equals, "dev")]
    [InlineData("not equal", "spec.stage!=dev", FieldRoot.Spec, "stage", FieldOperator.NotEquals, "dev")]
    [InlineData("exists", "status.currentlyIn.dev", FieldRoot.Status, "currentlyIn,dev", FieldOperator.Exists, null)]
    [InlineData("does not exist", "!status.currentlyIn.dev", FieldRoot.Status, "currentlyIn,dev", FieldOperator.DoesNotExist, null)]
    public void Parse_Valid_BuildsFilter(string because, string text, FieldRoot root, string path, FieldOperator op, string? value)
    {
        _ = because;
        var filter = FieldFilter.Parse(text);

        Assert.Equal(root, filter.Root);
        Assert.Equal(path.Split(','), filter.Path);
        Assert.Equal(op, filter.Operator);
        Assert.Equal(value, filter.Value);
        Assert.Equal(text.Replace("==", "=", StringComparison.Ordinal), filter.ToString());
    }

    [Theory]
    [InlineData("wrong root", "metadata.name=x", "must start with \"spec.\" or \"status.\"")]
    [InlineData("no member", "spec=x", "no member after \"spec\"")]
    [InlineData("empty member", "spec..name=x", "is empty")]
    [InlineData("quote in member", "spec.a\"b=x", "holds a quote")]
    public void Parse_Invalid_ThrowsFormatException(string because, string text, string expected)
    {
        _ = because;
        var error = Assert.Throws<FormatException>(() => FieldFilter.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"field filter \"{text}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string equal", "spec.origin.name=grommet", true)]
    [InlineData("string differs", "spec.origin.name=other", false)]
    [InlineData("number is not a string", "spec.count=3", false)]
    [InlineData("not equal on absent", "spec.missing!=x", true)]
    [InlineData("exists on object", "spec.origin", true)]
    [InlineData("exists through a scalar", "spec.count.deeper", false)]
    [InlineData("status absent", "status.phase", false)]
    public void Matches_Resource_ReadsThePath(string because, string filter, bool expected)
    {
        _ = because;
        using var spec = JsonDocument.Parse("""{"origin":{"name":"grommet"},"count":3}""");
        var resource = new StoredResource(new ResourceKey("Freight", "p", "f"), "v1", "u", 1, 1,
            new Dictionary<string, string>(), new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, null, spec.RootElement, null);

        Assert.Equal(expected, FieldFilter.Parse(filter).Matches(resource));
    }
}
