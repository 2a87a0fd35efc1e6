using System.Net;
using System.Text;
using Barge.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Barge.Server.Tests;

public sealed class AccessMiddlewareTests
{
    [Fact]
    public async Task EveryRoute_HasAnAccessPolicy()
    {
        await using var server = await TestServer.StartAsync();
        var routes = Routes(server);
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => r.Access is null).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.Empty(missing);
    }

    /// <summary>
    /// Walks EVERY route of the endpoint table as each kind of caller: the route's policy decides, and a
    /// new route is covered without editing this test.
    /// </summary>
    [Fact]
    public async Task EveryRoute_AsEachRole_AllowsOrDeniesByPolicy()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var callers = new (string Name, string Token, RoleBinding[] Roles)[]
        {
            ("viewer", await server.TokenAsync("viewer", "viewer@p1"), [new RoleBinding("p1", ProjectRole.Viewer)]),
            ("promoter", await server.TokenAsync("promoter", "promoter@p1"), [new RoleBinding("p1", ProjectRole.Promoter)]),
            ("project-admin", await server.TokenAsync("project-admin", "admin@p1"), [new RoleBinding("p1", ProjectRole.Admin)]),
            ("other-project", await server.TokenAsync("other-project", "admin@p2"), [new RoleBinding("p2", ProjectRole.Admin)]),
            ("system-admin", TestServer.AdminToken, [RoleBinding.SystemAdmin]),
        };
        var failures = new List<string>();
        var routes = Routes(server);
        foreach (var route in routes)
        {
            var path = Path(route.Pattern);
            using (var anonymous = server.Client(token: null))
            {
                var status = await SendAsync(anonymous, route.Method, path);
                var expected = route.Access == Access.Anonymous ? status is not (401 or 403) : status == 401;
                if (!expected)
                {
                    failures.Add($"anonymous {route.Method} {path}: {status}");
                }
            }
            foreach (var (name, token, roles) in callers)
            {
                var caller = new Caller(name, roles);
                var allowed = route.Access!.Level switch
                {
                    AccessLevel.Anonymous or AccessLevel.Authenticated => true,
                    AccessLevel.SystemAdmin => caller.IsSystemAdmin,
                    _ => caller.Can("p1", route.Access.Role!.Value),
                };
                using var client = server.Client(token);
                var status = await SendAsync(client, route.Method, path);
                if (allowed ? status is 401 or 403 : status != 403)
                {
                    failures.Add($"{name} {route.Method} {path}: {status} (expected {(allowed ? "allowed" : "403")})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes walked");
    }

    [Theory]
    [InlineData("no header", null, "no token provided")]
    [InlineData("unknown token", "barge_not-a-real-token", "invalid token")]
    [InlineData("admin token with a typo", TestServer.AdminToken + "x", "invalid token")]
    public async Task Request_WithoutValidToken_Is401Problem(string scenario, string? token, string message)
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client(token);
        using var response = await client.GetAsync("/v1beta1/projects");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, scenario);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, body.GetProperty("error").GetString());
        Assert.Equal(401, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task RevokedToken_IsRejected()
    {
        await using var server = await TestServer.StartAsync();
        var token = await server.TokenAsync("ci", "viewer@p1");
        using (var client = server.Client(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1beta1/projects")).StatusCode);
        }
        using (var admin = server.Client())
        {
            var list = await admin.GetStringAsync("/v1beta1/system/api-tokens");
            Assert.Contains("\"name\":\"ci\"", list, StringComparison.Ordinal);
            Assert.Contains("viewer@p1", list, StringComparison.Ordinal);
            Assert.DoesNotContain(token, list, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1beta1/system/api-tokens/ci")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/v1beta1/system/api-tokens/ci")).StatusCode);
        }
        using var revoked = server.Client(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/v1beta1/projects")).StatusCode);
    }

    [Fact]
    public async Task ProjectList_ShowsOnlyProjectsTheCallerHasARoleIn()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = server.Client(await server.TokenAsync("v", "viewer@p2"));
        var body = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/v1beta1/projects")).RootElement;
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal("p2", body.GetProperty("items")[0].GetProperty("metadata").GetProperty("name").GetString());
    }

    private static async Task<int> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Fills the route's parameters: project p1 (p2 for deleting a project), names that do not exist otherwise.</summary>
    private static string Path(string pattern)
    {
        var path = pattern.StartsWith("/projects/{project}", StringComparison.Ordinal) || pattern.StartsWith("/v1beta1/projects/{project}", StringComparison.Ordinal)
            ? pattern.Replace("{project}", "p1", StringComparison.Ordinal)
            : pattern;
        return System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "does-not-exist");
    }

    private static List<(string Method, string Pattern, Access? Access)> Routes(TestServer server)
    {
        var sources = server.App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e.Metadata.GetMetadata<Access>())))
            .ToList();
    }
}
