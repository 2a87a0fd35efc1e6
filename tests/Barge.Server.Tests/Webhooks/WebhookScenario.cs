using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Barge.Engine.Controllers;
using Barge.Server.Webhooks;
using Barge.Storage;

namespace Barge.Server.Tests.Webhooks;

/// <summary>Project "demo" with one receiver per provider, their Secrets, and Warehouses subscribed to a few repositories.</summary>
internal static class WebhookScenario
{
    public const string Project = "demo";
    public const string GitHubSecret = "gh-s3cret";
    public const string GitLabToken = "gl-t0ken";
    public const string HarborAuth = "Basic aGFyYm9yOnMzY3JldA==";

    public static async Task SeedAsync(WebhookHost host)
    {
        await host.CreateAsync("Secret", Project, "hooks", "v1", new JsonObject
        {
            ["stringData"] = new JsonObject { ["secret"] = GitHubSecret, ["secret-token"] = GitLabToken, ["auth-header"] = HarborAuth },
        });
        await host.CreateAsync("ProjectConfig", Project, Project, "kargo.akuity.io/v1alpha1", JsonNode.Parse("""
            {"webhookReceivers":[
              {"name":"gh","github":{"secretRef":{"name":"hooks"}}},
              {"name":"gl","gitlab":{"secretRef":{"name":"hooks"}}},
              {"name":"hub","dockerhub":{"secretRef":{"name":"hooks"}}},
              {"name":"quay","quay":{"secretRef":{"name":"hooks"}}},
              {"name":"harbor","harbor":{"secretRef":{"name":"hooks"}}},
              {"name":"bb","bitbucket":{"secretRef":{"name":"hooks"}}},
              {"name":"gt","gitea":{"secretRef":{"name":"hooks"}}},
              {"name":"jf","artifactory":{"secretRef":{"name":"hooks"}}},
              {"name":"jf-virtual","artifactory":{"secretRef":{"name":"hooks"},"virtualRepoName":"docker-virtual"}},
              {"name":"az","azure":{"secretRef":{"name":"hooks"}}},
              {"name":"any","generic":{"secretRef":{"name":"hooks"},"actions":[
                {"action":"Refresh","whenExpression":"request.header('X-Event') == 'built'",
                 "parameters":{"repo":"${{ normalizeGit(request.body.repository) }}"},
                 "targetSelectionCriteria":[{"kind":"Warehouse","indexSelector":{"matchIndices":[{"key":"subscribedURLs","operator":"Equals","value":"${{ params.repo }}"}]}}]}]}}
            ]}
            """)!);
        await WarehouseAsync(host, "app-main", """{"git":{"repoURL":"https://github.com/example/app.git","branch":"main"}}""");
        await WarehouseAsync(host, "app-dev", """{"git":{"repoURL":"https://github.com/example/app","branch":"dev"}}""");
        await WarehouseAsync(host, "other", """{"git":{"repoURL":"https://github.com/example/other.git"}}""");
        await WarehouseAsync(host, "hub-image", """{"image":{"repoURL":"docker.io/example/api","constraint":"^1.0.0"}}""");
        await WarehouseAsync(host, "quay-image", """{"image":{"repoURL":"quay.io/team/web","imageSelectionStrategy":"Lexical"}}""");
        await WarehouseAsync(host, "harbor-image", """{"image":{"repoURL":"harbor.example.com/library/svc","imageSelectionStrategy":"Lexical"}}""");
        await WarehouseAsync(host, "jf-image", """{"image":{"repoURL":"jfrog.example.com/docker-local/team/svc","constraint":"^1.0.0"}}""");
        await WarehouseAsync(host, "jf-virtual-image", """{"image":{"repoURL":"jfrog.example.com/docker-virtual/team/svc","imageSelectionStrategy":"Lexical"}}""");
        await WarehouseAsync(host, "jf-chart", """{"chart":{"repoURL":"oci://jfrog.example.com/helm-local/charts/svc"}}""");
        await host.CreateAsync("Warehouse", "elsewhere", "app-main", "kargo.akuity.io/v1alpha1",
            JsonNode.Parse("""{"subscriptions":[{"git":{"repoURL":"https://github.com/example/app.git","branch":"main"}}]}""")!);
    }

    public static Task WarehouseAsync(WebhookHost host, string name, string subscription) =>
        host.CreateAsync("Warehouse", Project, name, "kargo.akuity.io/v1alpha1", JsonNode.Parse($$"""{"subscriptions":[{{subscription}}]}""")!);

    public static string PathOf(string type, string receiver, string secret, string project = Project) =>
        ReceiverPaths.Compute("/webhooks", type, project, receiver, secret);

    public static async Task<string?> RefreshOfAsync(WebhookHost host, string warehouse, string project = Project)
    {
        var stored = await host.Store.GetAsync(new ResourceKey("Warehouse", project, warehouse));
        return stored?.Annotations.GetValueOrDefault(WarehouseReconciler.RefreshAnnotation);
    }

    public static async Task<string[]> RefreshedAsync(WebhookHost host)
    {
        var list = await host.Store.ListAsync(ResourceQuery.OfKind("Warehouse"));
        return [.. list.Items.Where(w => w.Annotations.ContainsKey(WarehouseReconciler.RefreshAnnotation)).Select(w => $"{w.Key.Project}/{w.Key.Name}").Order(StringComparer.Ordinal)];
    }

    public static HttpRequestMessage GitHubPush(string body, string eventType = "push", string? secret = GitHubSecret, string? delivery = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PathOf("github", "gh", GitHubSecret)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        if (secret is not null)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(signature));
        }
        return request;
    }

    public static string GitHubPushBody(string repository, string reference) => $$$"""
        {"ref":"{{{reference}}}","before":"0000000","after":"1111111",
         "repository":{"full_name":"{{{repository}}}","clone_url":"https://github.com/{{{repository}}}.git","ssh_url":"git@github.com:{{{repository}}}.git"},
         "commits":[{"id":"1111111","added":["src/a.cs"],"modified":[],"removed":[]}],
         "head_commit":{"id":"1111111","added":["src/a.cs"],"modified":[],"removed":[]}}
        """;

    /// <summary>The hex HMAC-SHA256 of <paramref name="body"/> keyed by <paramref name="secret"/>.</summary>
    public static string HmacHex(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static HttpRequestMessage Json(string path, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
