namespace Barge.Ui.Tests.Harness;

[Collection(BrowserCollection.Name)]
public sealed class BrowserFixtureTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewPageAsync_HealthzOfARealServer_RendersItsBody()
    {
        await using var server = await UiServer.StartAsync();
        var page = await browser.NewPageAsync(1280, 800);

        var response = await page.GotoAsync(server.Url("/healthz"));

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("ok", (await page.Locator("body").InnerTextAsync()).Trim());
        Assert.Equal(1280, await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.Equal(800, await page.EvaluateAsync<int>("window.innerHeight"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task ScreenshotAsync_Page_WritesPngIntoScreenshotFolder()
    {
        var page = await browser.NewPageAsync(400, 300);
        await page.SetContentAsync("<!doctype html><title>shot</title><p style='font:20px sans-serif'>Barge</p>");

        var file = await BrowserFixture.ScreenshotAsync(page, "harness-smoke");

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.Length > 100);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.StartsWith(BrowserFixture.ScreenshotDirectory, file, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Browser_UserAgent_IsHeadlessDebianChromium()
    {
        var page = await browser.NewPageAsync();

        var agent = await page.EvaluateAsync<string>("navigator.userAgent");

        Assert.Contains("HeadlessChrome", agent, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
