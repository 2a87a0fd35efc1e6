using Barge.Ui.Tests.Harness;
using Microsoft.Playwright;

namespace Barge.Ui.Tests.GrommetUi;

/// <summary>The UI in Chromium over a real <c>barge serve</c> with controllers running, on the grommet shape.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GrommetUiBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task PromoteReleaseFreightOntoDev_InUi_WatchesSucceededWithoutReloadAndViewerCannotPromote()
    {
        await using var server = await UiServer.StartAsync(o => o with { RunControllers = true });
        await GrommetPipeline.ApplyAsync(server);
        var viewer = await GrommetPipeline.TokenAsync(server, "grommet-viewer", "viewer@grommet");
        var page = await browser.NewPageAsync(1280, 800);
        try
        {
            await SignInAsync(page, server, UiServer.AdminToken);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            var devLane = page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-dev lane" });
            var releaseLane = page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-release lane" });
            Assert.True(await devLane.IsVisibleAsync());
            Assert.True(await releaseLane.IsVisibleAsync());
            await BrowserFixture.ScreenshotAsync(page, "ui-project-1280", fullPage: true);

            await releaseLane.GetByRole(AriaRole.Link, new() { Name = "release-one" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Promote to dev" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/review", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await BrowserFixture.ScreenshotAsync(page, "ui-review-1280", fullPage: true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm promotion of release-one to dev" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/promotions/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");
            var phase = page.Locator("#promotion-live dd.phase");
            await Assertions.Expect(phase).ToHaveAttributeAsync("data-phase", "Succeeded", new() { Timeout = 60_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page reloaded instead of swapping the fragment");
            Assert.Contains("grommet-release", await page.Locator("#promotion-live").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ScreenshotAsync(page, "ui-promotion-1280", fullPage: true);

            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            var card = page.GetByRole(AriaRole.Article, new() { Name = "Stage dev" });
            Assert.Contains("release-one", await card.InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
            await page.GetByLabel("Origin").FillAsync("grommet-release");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            var rows = page.Locator("table.history tbody tr");
            Assert.True(await rows.CountAsync() > 0, "no history row with origin grommet-release");
            foreach (var row in await rows.AllAsync())
            {
                Assert.Contains("grommet-release", await row.InnerTextAsync(), StringComparison.Ordinal);
            }
            await BrowserFixture.ScreenshotAsync(page, "ui-history-1280", fullPage: true);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            await page.SetViewportSizeAsync(390, 844);
            await BrowserFixture.ScreenshotAsync(page, "ui-project-narrow", fullPage: true);
            await page.SetViewportSizeAsync(1280, 800);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await SignInAsync(page, server, viewer);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            await releaseLane.GetByRole(AriaRole.Link, new() { Name = "release-one" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Freight release-one" })).ToBeVisibleAsync();
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Promote to dev" }).CountAsync());
            await BrowserFixture.ScreenshotAsync(page, "ui-freight-viewer-1280", fullPage: true);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task DragFreightChipOntoStageCard_ReviewsThenPromotesAndCardShowsIt()
    {
        await using var server = await UiServer.StartAsync(o => o with { RunControllers = true });
        await GrommetPipeline.ApplyAsync(server);
        var page = await browser.NewPageAsync(1280, 800);
        try
        {
            await SignInAsync(page, server, UiServer.AdminToken);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            var chip = page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-dev lane" }).Locator("li.chip", new() { HasText = "nightly-build" });
            var card = page.GetByRole(AriaRole.Article, new() { Name = "Stage dev" });
            Assert.Equal("true", await chip.GetAttributeAsync("draggable"));
            var freight = await chip.GetAttributeAsync("data-freight") ?? throw new InvalidOperationException("the chip names no Freight");

            await chip.DragToAsync(card);

            await page.WaitForURLAsync(url => url.Contains("/stages/dev/review", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm promotion of nightly-build to dev" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/promotions/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var phase = page.Locator("#promotion-live dd.phase");
            await Assertions.Expect(phase).ToHaveAttributeAsync("data-phase", "Succeeded", new() { Timeout = 60_000 });
            Assert.Contains(freight, await page.Locator("#promotion-live").InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            Assert.Contains("nightly-build", await page.GetByRole(AriaRole.Article, new() { Name = "Stage dev" }).InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task DragFreightChip_AsViewer_ChipsAreNotDraggableAndNoDropTarget()
    {
        await using var server = await UiServer.StartAsync();
        await GrommetPipeline.ApplyAsync(server);
        var viewer = await GrommetPipeline.TokenAsync(server, "grommet-drag-viewer", "viewer@grommet");
        var page = await browser.NewPageAsync(1280, 800);
        try
        {
            await SignInAsync(page, server, viewer);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            var chip = page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-dev lane" }).Locator("li.chip", new() { HasText = "nightly-build" });

            Assert.Null(await chip.GetAttributeAsync("draggable"));
            Assert.Equal(0, await page.Locator("#promote-drop").CountAsync());
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, UiServer server, string token)
    {
        await page.GotoAsync(server.Url("/ui/signin"));
        await page.GetByLabel("Server token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects" })).ToBeVisibleAsync();
    }
}
