using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class GitHttpServerTests : IDisposable
{
    private readonly SourceRepo source = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public GitHttpServerTests() => source.Commit("first", ("README.md", "hello"));

    public void Dispose()
    {
        http.Dispose();
        source.Dispose();
    }

    [Fact]
    public async Task Start_ReadOnly_ServesFetchAndRefusesPush()
    {
        using var server = GitHttpServer.Start(Path.GetDirectoryName(source.Path)!);
        var url = server.UrlOf(source.Path);

        using var fetch = await http.GetAsync(new Uri(url + "/info/refs?service=git-upload-pack"));
        using var push = await http.GetAsync(new Uri(url + "/info/refs?service=git-receive-pack"));

        Assert.Equal(HttpStatusCode.OK, fetch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
    }

    [Fact]
    public async Task Start_AllowPushWithoutAccount_ServesPushToAnyone()
    {
        using var server = GitHttpServer.Start(Path.GetDirectoryName(source.Path)!, new GitHttpServerOptions(AllowPush: true));

        using var push = await http.GetAsync(new Uri(server.UrlOf(source.Path) + "/info/refs?service=git-receive-pack"));

        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        Assert.Equal(0, server.Refused);
    }

    [Theory]
    [InlineData("no header", null)]
    [InlineData("wrong password", "Basic Ym90Ondyb25n")]
    [InlineData("not base64", "Basic %%%")]
    [InlineData("other scheme", "Bearer abc")]
    public async Task Start_WithAccount_RefusesAndCountsBadCredentials(string name, string? authorization)
    {
        _ = name;
        using var server = GitHttpServer.Start(Path.GetDirectoryName(source.Path)!, new GitHttpServerOptions(AllowPush: true, new GitHttpAccount("bot", "right")));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.UrlOf(source.Path) + "/info/refs?service=git-upload-pack"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Refused);
    }

    [Fact]
    public async Task Start_WithAccount_RightCredentialsServePush()
    {
        using var server = GitHttpServer.Start(Path.GetDirectoryName(source.Path)!, new GitHttpServerOptions(AllowPush: true, new GitHttpAccount("bot", "right")));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.UrlOf(source.Path) + "/info/refs?service=git-receive-pack"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:right")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, server.Refused);
    }
}
