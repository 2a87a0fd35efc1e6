using Barge.Cli.Output;
using Xunit;

namespace Barge.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void WriteTo_Rows_AlignsColumnsLikeKubectl()
    {
        var table = new TableWriter(["name", "alias", "origin", "age"]);
        table.AddRow(["f1", "wonky-wombat", "Warehouse/grommet-dev", "5m"]);
        table.AddRow(["a-much-longer-name", null, "Warehouse/w", "45s"]);
        using var writer = new StringWriter();

        table.WriteTo(writer);

        Assert.Equal(
            "NAME                 ALIAS          ORIGIN                  AGE\n" +
            "f1                   wonky-wombat   Warehouse/grommet-dev   5m\n" +
            "a-much-longer-name                  Warehouse/w             45s\n",
            writer.ToString());
    }

    [Fact]
    public void WriteTo_NoRows_PrintsNothing()
    {
        var table = new TableWriter(["name", "age"]);
        using var writer = new StringWriter();

        table.WriteTo(writer);

        Assert.Empty(writer.ToString());
    }

    [Fact]
    public void AddRow_CellWithNewline_StaysOnOneLine()
    {
        var table = new TableWriter(["name", "status"]);
        table.AddRow(["dev", "line one\nline two"]);
        using var writer = new StringWriter();

        table.WriteTo(writer);

        Assert.Equal(2, writer.ToString().TrimEnd('\n').Split('\n').Length);
    }
}
