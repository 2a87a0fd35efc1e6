using System.Net;
using System.Text;

namespace Barge.Server.Tests.Ui;

/// <summary>The project page's Stage cards: a page of 50 with a name filter, each with its own URL.</summary>
public sealed class UiStageCardPagesTests
{
    [Theory]
    [InlineData("viewer", "viewer@p1")]
    [InlineData("promoter", "promoter@p1")]
    [InlineData("admin", "admin@p1")]
    public async Task Project_SixtyStages_FirstPageHoldsFiftyCardsAndAPager(string name, string role)
    {
        await using var server = await StartWithStagesAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync(name, role));

        var (status, body) = await client.GetAsync("/ui/projects/p1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, Cards(body));
        Assert.Contains("aria-label=\"Stage s00\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Stage s59\"", body, StringComparison.Ordinal);
        Assert.Contains("page 1 of 2", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/ui/projects/p1?cards=2#stages-h\" rel=\"next\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_SecondCardPage_HoldsTheRestAndLinksBack()
    {
        await using var server = await StartWithStagesAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1?cards=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("aria-label=\"Stage s59\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Stage s00\"", body, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", body, StringComparison.Ordinal);
        // The live stream renders only the cards this page holds.
        Assert.Matches("data-live=\"[^\"]*cfirst=s4[0-9][^\"]*clast=s59", body);
    }

    [Fact]
    public async Task Project_NameFilter_ShowsOnlyMatchingStagesAndKeepsItInThePager()
    {
        await using var server = await StartWithStagesAsync(count: 120);
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync("/ui/projects/p1?q=S0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("100 matching", body, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Stage s000\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Stage s100\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Stage dev\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"S0\"", body, StringComparison.Ordinal);
        Assert.Contains("q=S0&amp;cards=2", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zero", "?cards=0", "Stage card page \"0\"")]
    [InlineData("negative", "?cards=-1", "Stage card page \"-1\"")]
    [InlineData("not a number", "?cards=abc", "Stage card page \"abc\"")]
    [InlineData("past the last page", "?cards=3", "Stage card page 3 does not exist; pages run from 1 to 2")]
    [InlineData("past the filter's pages", "?q=s5&cards=2", "pages run from 1 to 1 (10 Stages matching")]
    [InlineData("timeline page not a number", "?page=x", "timeline page \"x\"")]
    public async Task Project_BadPageNumber_Is400PageNamingIt(string row, string query, string message)
    {
        _ = row;
        await using var server = await StartWithStagesAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("project p1", body, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), body, StringComparison.Ordinal);
    }

    private static int Cards(string body) => body.Split("<article class=\"card stage\"").Length - 1;

    internal static async Task<TestServer> StartWithStagesAsync(int count = 60)
    {
        var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            yaml.Append("---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s").Append(i.ToString(count > 100 ? "000" : "00", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\n  namespace: p1\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: w1\n    sources:\n      direct: true\n  promotionTemplate:\n    spec:\n      steps:\n      - uses: compose-output\n");
        }
        using var client = server.Client();
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", new StringContent(yaml.ToString(), Encoding.UTF8, "text/plain"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return server;
    }
}
