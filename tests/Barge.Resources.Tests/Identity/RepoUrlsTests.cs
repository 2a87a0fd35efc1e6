using Barge.Resources.Identity;
using Xunit;

namespace Barge.Resources.Tests.Identity;

public sealed class RepoUrlsTests
{
    [Theory]
    [InlineData("https drops user info, .git and trailing slash", "https://foo:bar@github.com/example/repo.git/", "https://github.com/example/repo")]
    [InlineData("scp style becomes ssh", "git@github.com:example/repo.git", "ssh://git@github.com/example/repo")]
    [InlineData("bare host becomes ssh", "git.example.com", "ssh://git.example.com")]
    [InlineData("root path trailing slash", "https://github.com/", "https://github.com")]
    [InlineData("lower-cased", "HTTPS://Example.COM/Org/Repo.GIT", "https://example.com/org/repo")]
    [InlineData("whitespace stripped", "  https://example.com/org/ repo \n", "https://example.com/org/repo")]
    [InlineData("ssh keeps user", "ssh://git@example.com:2222/org/repo.git", "ssh://git@example.com:2222/org/repo")]
    [InlineData("query returned as given", "https://example.com/Repo?x=1", "https://example.com/Repo?x=1")]
    [InlineData("port kept", "http://127.0.0.1:9418/grommet.git", "http://127.0.0.1:9418/grommet")]
    [InlineData("file URL keeps case, trims .git (Barge extension)", "file:///srv/Repo.git/", "file:///srv/Repo")]
    [InlineData("unparseable returned as given", "https://Example.com/%zz", "https://Example.com/%zz")]
    public void NormalizeGit_Case_GivesKargoForm(string name, string input, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, RepoUrls.NormalizeGit(input));
    }

    [Theory]
    [InlineData("docker hub library image", "docker.io/library/busybox", "busybox")]
    [InlineData("docker hub user image", "docker.io/example/repo", "example/repo")]
    [InlineData("implicit docker hub", "nginx", "nginx")]
    [InlineData("index.docker.io", "index.docker.io/library/nginx", "nginx")]
    [InlineData("other registry unchanged", "ghcr.io/example/repo", "ghcr.io/example/repo")]
    [InlineData("registry with port", "localhost:5000/Grommet", "localhost:5000/grommet")]
    [InlineData("tag dropped", "ghcr.io/example/repo:v1.2.3", "ghcr.io/example/repo")]
    [InlineData("invalid returned as given", "ghcr.io/Bad Repo", "ghcr.io/Bad Repo")]
    public void NormalizeImage_Case_GivesKargoForm(string name, string input, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, RepoUrls.NormalizeImage(input));
    }

    [Theory]
    [InlineData("oci prefix upper case", "OCI://Repo", "repo")]
    [InlineData("oci docker hub", "oci://docker.io/example/repo", "example/repo")]
    [InlineData("oci other registry", "oci://ghcr.io/example/charts/app", "ghcr.io/example/charts/app")]
    [InlineData("classic https lower-cased as given", "https://Charts.Example.com/stable", "https://charts.example.com/stable")]
    public void NormalizeChart_Case_GivesKargoForm(string name, string input, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, RepoUrls.NormalizeChart(input));
    }
}
