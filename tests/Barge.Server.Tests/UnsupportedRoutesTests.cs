using System.Net;
using System.Text;
using System.Text.Json;
using Barge.Server.Api;

namespace Barge.Server.Tests;

public sealed class UnsupportedRoutesTests(PipelineServerFixture fixture) : IClassFixture<PipelineServerFixture>
{
    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in UnsupportedRoutes.All)
        {
            data.Add(route.Method, route.Template);
        }
        return data;
    }

    /// <summary>One case per route Barge does not serve: 501 ProblemDetails naming the route and the reason.</summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsSystemAdmin_Is501NamingTheRoute(string method, string template)
    {
        using var client = fixture.Server.Client();
        var path = "/v1beta1" + template.Replace("{project}", "p1", StringComparison.Ordinal)
            .Replace("{stage}", "dev", StringComparison.Ordinal).Replace("{freight}", "first-one", StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "x");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotImplemented, $"{method} {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith($"{method} /v1beta1{template} is not supported by Barge yet: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_CoversKargosUnservedRoutes_WithoutDuplicates()
    {
        var keys = UnsupportedRoutes.All.Select(r => r.Method + " " + r.Template).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("POST /login", keys);
        Assert.Contains("PATCH /shared/repo-credentials/{name}", keys);
        Assert.Contains("POST /projects/{project}/roles/grants", keys);
    }
}
