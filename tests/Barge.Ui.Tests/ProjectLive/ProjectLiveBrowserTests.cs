using System.Net;
using System.Text.Json;
using Barge.Storage;
using Barge.Ui.Tests.GrommetUi;
using Barge.Ui.Tests.Harness;
using Microsoft.Playwright;

namespace Barge.Ui.Tests.ProjectLive;

/// <summary>The project page updates its Stage cards and Freight lanes over SSE fragments, without reloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectLiveBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ProjectPage_PromotionPhaseAndNewFreightWritten_CardAndLaneUpdateWithoutReload()
    {
        await using var server = await UiServer.StartAsync();
        await GrommetPipeline.ApplyAsync(server);
        var page = await browser.NewPageAsync(1280, 800);
        try
        {
            await SignInAsync(page, server);
            await page.GotoAsync(server.Url("/ui/projects/grommet"));
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");
            // The stream opens after the load event, from the version the page was rendered at: a write now is not lost.
            var promotion = new ResourceKey("Promotion", "grommet", "dev.live-test");
            var created = await server.Store.CreateAsync(new NewResource(promotion, "kargo.akuity.io/v1alpha1",
                Json("""{"stage":"dev","freight":"release-build","steps":[{"uses":"compose-output","as":"deployed"}]}""")) { Status = Json("""{"phase":"Running"}""") });
            var phase = page.Locator("#stage-dev [data-phase]");
            await Assertions.Expect(phase).ToHaveAttributeAsync("data-phase", "Running", new() { Timeout = 15_000 });
            await server.Store.UpdateStatusAsync(promotion, created.ResourceVersion, Json("""{"phase":"Succeeded"}"""));
            await Assertions.Expect(phase).ToHaveAttributeAsync("data-phase", "Succeeded", new() { Timeout = 15_000 });
            Assert.Contains("dev.live-test", await page.GetByRole(AriaRole.Article, new() { Name = "Stage dev" }).InnerTextAsync(), StringComparison.Ordinal);

            await server.Store.CreateAsync(new NewResource(new ResourceKey("Freight", "grommet", "release-two-build"), "kargo.akuity.io/v1alpha1",
                Json("""{"alias":"release-two","origin":{"kind":"Warehouse","name":"grommet-release"},"images":[{"repoURL":"registry.example.com/grommet","tag":"1.3.2"}]}""")));
            var releaseLane = page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-release lane" });
            await Assertions.Expect(releaseLane.GetByRole(AriaRole.Link, new() { Name = "release-two" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(releaseLane.Locator("h3 small")).ToHaveTextAsync("2 Freight");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Warehouse grommet-dev lane" }).Locator("h3 small")).ToHaveTextAsync("1 Freight");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page reloaded instead of swapping fragments");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task LiveStream_StageWritten_SendsOnlyThatCardWithItsVersionAndResumesAfterLastEventId()
    {
        await using var server = await UiServer.StartAsync();
        await GrommetPipeline.ApplyAsync(server);
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using (var signIn = await http.PostAsync("/ui/signin", await SignInFormAsync(http)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var since = await server.Store.GetResourceVersionAsync();
        var stage = await server.Store.GetAsync(new ResourceKey("Stage", "grommet", "dev")) ?? throw new InvalidOperationException("no dev Stage");
        var written = await server.Store.UpdateStatusAsync(stage.Key, stage.ResourceVersion, Json("""{"health":{"status":"Unhealthy"}}"""));

        var (id, data) = await FirstFragmentAsync(http, $"/ui/projects/grommet/live?since={since}", lastEventId: null);
        Assert.Equal(written.ResourceVersion, id);
        Assert.StartsWith("<article class=\"card stage\" id=\"stage-dev\"", data, StringComparison.Ordinal);
        Assert.Contains("Unhealthy", data, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", data, StringComparison.Ordinal);
        Assert.DoesNotContain("lane-", data, StringComparison.Ordinal);

        var again = await server.Store.UpdateStatusAsync(stage.Key, written.ResourceVersion, Json("""{"health":{"status":"Healthy"}}"""));
        var (resumedId, resumed) = await FirstFragmentAsync(http, $"/ui/projects/grommet/live?since={since}", lastEventId: id);
        Assert.Equal(again.ResourceVersion, resumedId);
        Assert.Contains("Healthy", resumed, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhealthy", resumed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStream_ResumeFromCompactedVersion_SendsStaleEvent()
    {
        await using var server = await UiServer.StartAsync();
        await GrommetPipeline.ApplyAsync(server);
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using (var signIn = await http.PostAsync("/ui/signin", await SignInFormAsync(http)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var stage = await server.Store.GetAsync(new ResourceKey("Stage", "grommet", "dev")) ?? throw new InvalidOperationException("no dev Stage");
        var written = await server.Store.UpdateStatusAsync(stage.Key, stage.ResourceVersion, Json("""{"health":{"status":"Unhealthy"}}"""));
        await server.Store.CompactChangesAsync(written.ResourceVersion);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/projects/grommet/live");
        request.Headers.Add("Last-Event-ID", "1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.StartsWith("event: stale\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("event: fragment", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStream_NoSession_RedirectsToSignIn()
    {
        await using var server = await UiServer.StartAsync();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.Address };

        using var response = await http.GetAsync("/ui/projects/grommet/live");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/signin", response.Headers.Location?.OriginalString);
    }

    private static async Task<(long Id, string Data)> FirstFragmentAsync(HttpClient http, string path, long? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        long id = -1;
        var data = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line[6..]).Append('\n');
            }
            else if (line.Length == 0 && data.Length > 0)
            {
                return (id, data.ToString().Trim());
            }
        }
        throw new EndOfStreamException("the live stream ended before a fragment");
    }

    // The sign-in form with its CSRF field (the GET sets the pre-session cookie the field must match).
    private static async Task<FormUrlEncodedContent> SignInFormAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/ui/signin");
        var csrf = System.Text.RegularExpressions.Regex.Match(form, "name=\"_csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent([new("_csrf", csrf), new("token", UiServer.AdminToken)]);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static async Task SignInAsync(IPage page, UiServer server)
    {
        await page.GotoAsync(server.Url("/ui/signin"));
        await page.GetByLabel("Server token").FillAsync(UiServer.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects" })).ToBeVisibleAsync();
    }
}
