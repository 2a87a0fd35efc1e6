using System.Net;
using System.Text;
using Barge.Engine.Credentials;
using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed partial class RegistryClientTests
{
    [Fact]
    public async Task ListTagsAsync_LinkHeaders_FollowsEveryPage()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            var last = context.Request.QueryString["last"];
            var (tags, next) = last switch
            {
                null => ("\"a\",\"b\"", "</v2/app/tags/list?n=2&last=b>; rel=\"next\""),
                "b" => ("\"c\",\"d\"", $"<http://127.0.0.1:{context.Request.Url!.Port}/v2/app/tags/list?n=2&last=d>; rel=\"next\""),
                _ => ("\"e\"", null),
            };
            if (next is not null)
            {
                context.Response.AddHeader("Link", next);
            }
            await LoopbackHttpServer.WriteAsync(context.Response, 200, $$"""{"name":"app","tags":[{{tags}}]}""");
        });
        using var client = NewClient(new RegistryClientOptions { TagPageSize = 2 });

        var tags = await client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d", "e"], tags);
        Assert.Equal(3, client.Counters.TagListPages);
        Assert.StartsWith("/v2/app/tags/list?n=2", server.Requests.First().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_LinkPointsBackToSamePage_FailsAsEndless()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            context.Response.AddHeader("Link", "</v2/app/tags/list?n=100>; rel=\"next\"");
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["a"]}""");
        });
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("pagination does not end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_LinkToAnotherHost_NotFollowed()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            context.Response.AddHeader("Link", "<http://other.example.com/v2/app/tags/list?last=a>; rel=\"next\"");
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["a"]}""");
        });
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("another host (other.example.com)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "<html>oops</html>", "not valid JSON")]
    [InlineData("array", "[1,2]", "not a JSON object")]
    [InlineData("tags not array", """{"tags":"a"}""", "\"tags\" is not an array")]
    [InlineData("invalid tag", """{"tags":["ok","bad tag"]}""", "invalid tag")]
    public async Task ListTagsAsync_Garbage_ClearError(string name, string body, string expected)
    {
        Assert.NotEmpty(name);
        await using var server = new LoopbackHttpServer(context => LoopbackHttpServer.WriteAsync(context.Response, 200, body));
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.StartsWith($"tag list of {server.Authority}/app: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("with Content-Length", true)]
    [InlineData("chunked", false)]
    public async Task ListTagsAsync_TenMegabyteList_StopsAtTheCap(string name, bool sendLength)
    {
        Assert.NotEmpty(name);
        var huge = new StringBuilder("""{"tags":[""");
        for (var i = 0; huge.Length < 10 * 1024 * 1024; i++)
        {
            huge.Append(i == 0 ? "" : ",").Append("\"tag-").Append(i).Append('"');
        }
        var bytes = Encoding.UTF8.GetBytes(huge.Append("]}").ToString());
        await using var server = new LoopbackHttpServer(async context =>
        {
            context.Response.StatusCode = 200;
            if (sendLength)
            {
                context.Response.ContentLength64 = bytes.Length;
            }
            else
            {
                context.Response.SendChunked = true;
            }
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });
        using var client = NewClient(new RegistryClientOptions { MaxTagListBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("limit of 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_RetriesThenSucceeds()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(async context =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.AddHeader("Retry-After", "0");
                await LoopbackHttpServer.WriteAsync(context.Response, 429, """{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}""");
                return;
            }
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["1.0.0"]}""");
        });
        using var client = NewClient(new RegistryClientOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var tags = await client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None);

        Assert.Equal(["1.0.0"], tags);
        Assert.Equal(2, client.Counters.Retries);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsPersist_FailsAfterRetriesWithRegistryMessage()
    {
        await using var server = new LoopbackHttpServer(context =>
            LoopbackHttpServer.WriteAsync(context.Response, 503, """{"errors":[{"code":"UNAVAILABLE","message":"maintenance"}]}"""));
        using var client = NewClient(new RegistryClientOptions { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(5) });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("HTTP 503 and kept doing so after retries (UNAVAILABLE: maintenance)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_RedirectLoop_Fails()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            context.Response.RedirectLocation = context.Request.Url!.PathAndQuery;
            await LoopbackHttpServer.WriteAsync(context.Response, 302, "");
        });
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("more than 5 redirects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RedirectToAnotherHost_DropsTheCredentials()
    {
        await using var elsewhere = new LoopbackHttpServer(context => LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["x"]}"""));
        await using var registry = new LoopbackHttpServer(async context =>
        {
            if (context.Request.Headers["Authorization"] is null)
            {
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"test\"");
                await LoopbackHttpServer.WriteAsync(context.Response, 401, "{}");
                return;
            }
            context.Response.RedirectLocation = $"http://{elsewhere.Authority}/storage/tags";
            await LoopbackHttpServer.WriteAsync(context.Response, 307, "");
        });
        using var client = NewClient();

        var tags = await client.ListTagsAsync(new ImageRepository(registry.Authority, "app", true), new RegistryAccess(Good), CancellationToken.None);

        Assert.Equal(["x"], tags);
        Assert.All(elsewhere.Requests, r => Assert.Null(r.Authorization));
        Assert.Contains(registry.Requests, r => r.Authorization is not null);
    }

    [Fact]
    public async Task SendAsync_ServerStalls_TimesOutWithClearMessage()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":[]}""");
        });
        using var client = NewClient(new RegistryClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UnreachableHost_SaysSo()
    {
        var port = LoopbackHttpServer.FreePort();
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new ImageRepository($"127.0.0.1:{port}", "app", true), RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains($"cannot reach 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConcurrencyLimit_NeverExceeded()
    {
        var inFlight = 0;
        var peak = 0;
        await using var server = new LoopbackHttpServer(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
            context.Response.AddHeader("Docker-Content-Digest", "sha256:" + new string('a', 64));
            await LoopbackHttpServer.WriteAsync(context.Response, 200, "");
        });
        using var client = NewClient(new RegistryClientOptions { MaxConcurrentRequestsPerRegistry = 3 });
        var repository = new ImageRepository(server.Authority, "app", true);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.ResolveDigestAsync(repository, $"t{i}", RegistryAccess.Anonymous, CancellationToken.None)));

        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task GetManifestAsync_BodyDoesNotMatchDigest_Fails()
    {
        await using var server = new LoopbackHttpServer(async context =>
        {
            context.Response.AddHeader("Docker-Content-Digest", "sha256:" + new string('b', 64));
            context.Response.ContentType = ManifestMediaTypes.OciManifest;
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"schemaVersion":2,"config":{"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","size":1}}""", ManifestMediaTypes.OciManifest);
        });
        using var client = NewClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(new ImageRepository(server.Authority, "app", true), "1.0.0", RegistryAccess.Anonymous, CancellationToken.None));

        Assert.Contains("does not match its digest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BearerChallenge_TokenCachedUntilExpiry()
    {
        var tokenCalls = 0;
        LoopbackHttpServer? registry = null;
        await using var tokens = new LoopbackHttpServer(async context =>
        {
            Interlocked.Increment(ref tokenCalls);
            Assert.Equal("repository:app:pull", context.Request.QueryString["scope"]);
            Assert.Equal("fake", context.Request.QueryString["service"]);
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"access_token":"tok-1","expires_in":600}""");
        });
        registry = new LoopbackHttpServer(async context =>
        {
            if (context.Request.Headers["Authorization"] != "Bearer tok-1")
            {
                context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"http://{tokens.Authority}/token\",service=\"fake\",scope=\"repository:app:pull\"");
                await LoopbackHttpServer.WriteAsync(context.Response, (int)HttpStatusCode.Unauthorized, "{}");
                return;
            }
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["1"]}""");
        });
        await using var _ = registry;
        using var client = NewClient();
        var repository = new ImageRepository(registry.Authority, "app", true);

        for (var i = 0; i < 3; i++)
        {
            await client.ListTagsAsync(repository, RegistryAccess.Anonymous, CancellationToken.None);
        }

        Assert.Equal(1, tokenCalls);
        Assert.Equal(4, registry.Requests.Count); // one 401, then three authorised pages
    }

    [Theory]
    [InlineData("seconds beyond the cap", "3600")]
    [InlineData("HTTP date beyond the cap", "Wed, 21 Oct 2099 07:28:00 GMT")]
    public async Task SendAsync_RetryAfterTooLong_WaitsNoMoreThanMaxBackoff(string name, string retryAfter)
    {
        Assert.NotEmpty(name);
        var calls = 0;
        await using var server = new LoopbackHttpServer(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
                await LoopbackHttpServer.WriteAsync(context.Response, 503, "{}");
                return;
            }
            await LoopbackHttpServer.WriteAsync(context.Response, 200, """{"tags":["ok"]}""");
        });
        using var client = NewClient(new RegistryClientOptions { MaxBackoff = TimeSpan.FromMilliseconds(50) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var tags = await client.ListTagsAsync(new ImageRepository(server.Authority, "app", true), RegistryAccess.Anonymous, CancellationToken.None);

        Assert.Equal(["ok"], tags);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(10));
    }
}
