using System.Net;
using System.Text.RegularExpressions;

namespace Barge.Server.Tests.Ui;

/// <summary>A browser-like client of the UI: a cookie jar, no automatic redirects, CSRF taken from pages.</summary>
internal sealed partial class UiClient : IDisposable
{
    private readonly HttpClient _client;

    private UiClient(Uri address, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _client;

    public static UiClient Anonymous(TestServer server) => new(server.Address);

    /// <summary>A client of another server (a replica) sharing this client's cookies, as one browser would.</summary>
    public UiClient On(Uri address) => new(address, Cookies);

    /// <summary>Signs in with a token and returns the client (throws when sign-in is refused).</summary>
    public static async Task<UiClient> SignedInAsync(TestServer server, string token)
    {
        var client = new UiClient(server.Address);
        using var response = await client.SignInAsync(token);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <summary>Opens the sign-in form (its pre-session cookie) and posts it with its CSRF field and the token.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string token)
    {
        var csrf = await CsrfAsync("/ui/signin");
        return await _client.PostAsync("/ui/signin", new FormUrlEncodedContent([new("_csrf", csrf), new("token", token)]));
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The CSRF token of the forms on a page the session can see.</summary>
    public async Task<string> CsrfAsync(string path = "/ui")
    {
        var (_, body) = await GetAsync(path);
        var match = CsrfPattern().Match(body);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no CSRF field on {path}");
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>The stored name of the pipeline's one Freight (apply names Freight by content, not by the manifest).</summary>
    public static async Task<string> FreightNameAsync(TestServer server) =>
        (await server.Store.ListAsync(Barge.Storage.ResourceQuery.OfKind("Freight", "p1"))).Items.Single().Key.Name;

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
