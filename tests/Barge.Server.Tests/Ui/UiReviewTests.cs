using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Barge.Storage;
using Barge.Testing;

namespace Barge.Server.Tests.Ui;

public sealed class UiReviewTests
{
    [Fact]
    public async Task Review_Promoter_ShowsDryRunStepsAndConfirmFormAndStoresNothing()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/dev/review?freight=first-one");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Promote first-one to dev?</h1>", body, StringComparison.Ordinal);
        Assert.Contains("data-dry-run-phase=\"Succeeded\"", body, StringComparison.Ordinal);
        Assert.Contains("<tr data-step-status=\"Succeeded\"><td>1</td><td>out <small>compose-output</small>", body, StringComparison.Ordinal);
        Assert.Contains("The promotion changes no repository checkout.", body, StringComparison.Ordinal);
        Assert.Contains("action=\"/ui/projects/p1/stages/dev/promote\"><input type=\"hidden\" name=\"_csrf\"", body, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Confirm promotion of first-one to dev\"", body, StringComparison.Ordinal);
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Theory]
    [InlineData("Freight page", "/ui/projects/p1/freight/first-one", "aria-label=\"Promote to dev\"")]
    [InlineData("Stage page", "/ui/projects/p1/stages/dev", "aria-label=\"Promote first-one\"")]
    public async Task PromoteButtons_OpenTheReviewPageInsteadOfPromoting(string row, string page, string button)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (_, body) = await client.GetAsync(page);

        var form = $"<form method=\"get\" action=\"/ui/projects/p1/stages/dev/review\"><input type=\"hidden\" name=\"freight\" value=\"{freight}\"><button type=\"submit\" {button}>";
        Assert.Contains(form, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DragAndDrop_Promoter_DropTargetOpensReviewPageAndScriptSubmitsAGet()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (_, page) = await client.GetAsync("/ui/projects/p1");
        var (_, script) = await client.GetAsync("/ui/assets/app.js");

        Assert.Contains("data-action=\"/ui/projects/p1/stages/{stage}/review\"", page, StringComparison.Ordinal);
        Assert.Contains("form.method = \"get\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ThenConfirm_CreatesThePromotion()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        var freight = await UiClient.FreightNameAsync(server);
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));
        var csrf = await client.CsrfAsync($"/ui/projects/p1/stages/dev/review?freight={freight}");

        using var confirmed = await client.PostFormAsync("/ui/projects/p1/stages/dev/promote", ("_csrf", csrf), ("freight", freight));

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Single((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    [Fact]
    public async Task Review_Viewer_Forbidden()
    {
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("viewer", "viewer@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/dev/review?freight=first-one");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("Confirm promotion", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown Stage", "/ui/projects/p1/stages/nope/review?freight=first-one", HttpStatusCode.NotFound, "stages.kargo.akuity.io &quot;nope&quot; not found")]
    [InlineData("unknown Freight", "/ui/projects/p1/stages/dev/review?freight=nope", HttpStatusCode.NotFound, "&quot;nope&quot; not found")]
    [InlineData("unknown project", "/ui/projects/nope/stages/dev/review?freight=first-one", HttpStatusCode.NotFound, "projects.kargo.akuity.io &quot;nope&quot; not found")]
    [InlineData("no Freight", "/ui/projects/p1/stages/dev/review", HttpStatusCode.BadRequest, "choose a Freight to promote")]
    public async Task Review_BadRequest_ErrorPage(string row, string path, HttpStatusCode expected, string message)
    {
        _ = row;
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        using var client = await UiClient.SignedInAsync(server, TestServer.AdminToken);

        var (status, body) = await client.GetAsync(path);

        Assert.Equal(expected, status);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_GitPipeline_ShowsTheValuesFileDiffAndPushSkipped()
    {
        using var folder = new TempDirectory("ui-review");
        var seed = folder.Combine("seed");
        Directory.CreateDirectory(seed);
        File.WriteAllText(Path.Combine(seed, "values.yaml"), "imageTag: \"0.9.0\"\nreplicas: 1\n");
        Git(seed, "init", "--quiet", "--initial-branch=main");
        Git(seed, "add", ".");
        Git(seed, "commit", "--quiet", "-m", "seed");
        var bare = folder.Combine("config.git");
        Git(folder.Path, "clone", "--quiet", "--bare", seed, bare);
        await using var server = await TestServer.StartAsync();
        await server.ApplyPipelineAsync();
        await ApplyAsync(server, GitStage.Replace("CONFIG_REPO", new Uri(bare).AbsoluteUri, StringComparison.Ordinal));
        using var client = await UiClient.SignedInAsync(server, await server.TokenAsync("promoter", "promoter@p1"));

        var (status, body) = await client.GetAsync("/ui/projects/p1/stages/qa/review?freight=first-one");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("data-dry-run-phase=\"Succeeded\"", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"del\">-imageTag: &quot;0.9.0&quot;</span>", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"add\">&#x2B;imageTag: 1.0.0</span>", body, StringComparison.Ordinal);
        Assert.Contains("<td>push <small>git-push</small></td><td class=\"phase-skipped\">Skipped</td>", body, StringComparison.Ordinal);
        Assert.Equal("imageTag: \"0.9.0\"\nreplicas: 1\n", Git(folder.Path, "--git-dir", bare, "show", "main:values.yaml"));
        Assert.Empty((await server.Store.ListAsync(ResourceQuery.OfKind("Promotion", "p1"))).Items);
    }

    private const string GitStage = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: qa
          namespace: p1
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: w1
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: git-clone
                as: clone
                config:
                  repoURL: CONFIG_REPO
                  checkout:
                  - branch: main
                    path: ./config
              - uses: yaml-update
                as: values
                config:
                  path: ./config/values.yaml
                  updates:
                  - key: imageTag
                    value: "${{ imageFrom('registry.example.com/app').Tag }}"
              - uses: git-commit
                as: commit
                config:
                  path: ./config
                  message: set imageTag
              - uses: git-push
                as: push
                config:
                  path: ./config
        """;

    private static async Task ApplyAsync(TestServer server, string manifests)
    {
        using var client = server.Client();
        using var content = new StringContent(manifests, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        using var response = await client.PutAsync("/v1beta1/resources?upsert=true", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Git(string directory, params string[] arguments) => FixtureGit.Run(directory, arguments);
}
