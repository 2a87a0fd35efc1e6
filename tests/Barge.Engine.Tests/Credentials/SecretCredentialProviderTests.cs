using Barge.Engine.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Barge.Engine.Tests.Credentials;

public sealed class SecretCredentialProviderTests
{
    private static SecretRecord Secret(string name, string type, string repoUrl, bool regex = false, string user = "u", string password = "p")
    {
        var data = new Dictionary<string, string> { ["repoURL"] = repoUrl, ["username"] = user, ["password"] = password };
        if (regex)
        {
            data["repoURLIsRegex"] = "true";
        }
        return new SecretRecord(name, new Dictionary<string, string> { [SecretCredentialProvider.CredentialTypeLabel] = type }, data);
    }

    public static TheoryData<string, CredentialType, string, string?> Rows => new()
    {
        { "exact image match", CredentialType.Image, "registry.example.com/team/app", "exact" },
        { "case and trailing slash normalised", CredentialType.Image, "Registry.Example.com/team/app/", "exact" },
        { "regex match", CredentialType.Image, "registry.example.com/other/thing", "regex" },
        { "wrong type not used", CredentialType.Helm, "registry.example.com/team/app", null },
        { "git .git suffix normalised", CredentialType.Git, "https://git.example.com/org/repo.git", "git" },
        { "plain http refused", CredentialType.Helm, "http://charts.example.com", null },
        { "https helm exact", CredentialType.Helm, "https://charts.example.com", "helm" },
        { "no match", CredentialType.Image, "elsewhere.example.com/app", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task GetCredentialsAsync_KargoMatching_PicksExpectedSecret(string name, CredentialType type, string repoUrl, string? expectedUser)
    {
        Assert.NotEmpty(name);
        var provider = new SecretCredentialProvider(
            [
                Secret("b-regex", "image", @"^registry\.example\.com/", regex: true, user: "regex"),
                Secret("a-exact", "image", "registry.example.com/team/app", user: "exact"),
                Secret("c-git", "git", "https://git.example.com/org/repo", user: "git"),
                Secret("d-helm", "helm", "https://charts.example.com/", user: "helm"),
                Secret("e-helm-http", "helm", "http://charts.example.com", user: "helm-http"),
                new SecretRecord("f-unlabelled", new Dictionary<string, string>(), new Dictionary<string, string> { ["repoURL"] = "elsewhere.example.com/app" }),
            ],
            NullLogger<SecretCredentialProvider>.Instance);

        var credentials = await provider.GetCredentialsAsync(type, repoUrl, CancellationToken.None);

        Assert.Equal(expectedUser, credentials?.Username);
    }

    [Fact]
    public async Task GetCredentialsAsync_SeveralMatch_FirstByNameWins()
    {
        var provider = new SecretCredentialProvider(
            [Secret("zz", "image", "registry.example.com/app", user: "last"), Secret("aa", "image", ".*", regex: true, user: "first")],
            NullLogger<SecretCredentialProvider>.Instance);

        var credentials = await provider.GetCredentialsAsync(CredentialType.Image, "registry.example.com/app", CancellationToken.None);

        Assert.Equal("first", credentials!.Username);
    }

    [Fact]
    public async Task GetCredentialsAsync_InvalidRegexSecret_SkippedNotFatal()
    {
        var provider = new SecretCredentialProvider(
            [Secret("a-bad", "image", "(", regex: true, user: "bad"), Secret("b-good", "image", "registry.example.com/app", user: "good")],
            NullLogger<SecretCredentialProvider>.Instance);

        var credentials = await provider.GetCredentialsAsync(CredentialType.Image, "registry.example.com/app", CancellationToken.None);

        Assert.Equal("good", credentials!.Username);
    }

    [Fact]
    public async Task GetCredentialsAsync_HttpAllowedWhenConfigured_Matches()
    {
        var provider = new SecretCredentialProvider([Secret("a", "helm", "http://charts.example.com", user: "h")], NullLogger<SecretCredentialProvider>.Instance, allowCredentialsOverHttp: true);

        Assert.Equal("h", (await provider.GetCredentialsAsync(CredentialType.Helm, "http://charts.example.com", CancellationToken.None))!.Username);
    }

    [Fact]
    public void RepositoryCredentials_ToString_RedactsPassword()
    {
        var text = new RepositoryCredentials("user", "hunter2").ToString();

        Assert.Contains("user", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
