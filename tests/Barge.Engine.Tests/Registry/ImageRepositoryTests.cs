using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed class ImageRepositoryTests
{
    [Theory]
    [InlineData("registry.example.com/team/app", "registry.example.com", "team/app", false)]
    [InlineData("localhost:5000/app", "localhost:5000", "app", true)]
    [InlineData("127.0.0.1:5000/a/b/c", "127.0.0.1:5000", "a/b/c", true)]
    [InlineData("oci://registry.example.com/charts/grommet", "registry.example.com", "charts/grommet", false)]
    [InlineData("Registry.Example.com:8443/app", "registry.example.com:8443", "app", false)]
    public void TryParse_Valid_HostPathAndScheme(string repoUrl, string host, string path, bool plainHttp)
    {
        Assert.True(ImageRepository.TryParse(repoUrl, out var repository, out var error), error);
        Assert.Equal((host, path, plainHttp), (repository.Host, repository.Path, repository.PlainHttp));
    }

    [Theory]
    [InlineData("nginx", "names no registry host")]
    [InlineData("library/nginx", "names no registry host")]
    [InlineData("registry.example.com/app:1.0", "not of the form")]
    [InlineData("registry.example.com/app@sha256:abc", "not of the form")]
    [InlineData("https://registry.example.com/app", "a repoURL has no scheme")]
    [InlineData("registry.example.com/App", "must be lower-case")]
    [InlineData("", "not of the form")]
    public void TryParse_Invalid_ClearError(string repoUrl, string expected)
    {
        Assert.False(ImageRepository.TryParse(repoUrl, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
