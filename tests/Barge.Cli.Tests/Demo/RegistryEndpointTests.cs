using Barge.Cli.Demo;
using Xunit;

namespace Barge.Cli.Tests.Demo;

public sealed class RegistryEndpointTests
{
    [Theory]
    [InlineData("ipv4-loopback", "127.0.0.1:5000", "127.0.0.1", 5000)]
    [InlineData("localhost", "localhost:32000", "localhost", 32000)]
    [InlineData("ipv6-loopback", "[::1]:5000", "[::1]", 5000)]
    public void TryParse_Loopback_HostAndPort(string row, string text, string host, int port)
    {
        Assert.NotEmpty(row);
        Assert.True(RegistryEndpoint.TryParse(text, out var endpoint, out var error), error);
        Assert.Equal(new RegistryEndpoint(host, port), endpoint);
        Assert.Equal(text, endpoint.ToString());
    }

    [Theory]
    [InlineData("no-port", "127.0.0.1", "is not HOST:PORT")]
    [InlineData("port-zero", "127.0.0.1:0", "is not HOST:PORT")]
    [InlineData("port-too-large", "127.0.0.1:70000", "is not HOST:PORT")]
    [InlineData("remote-host", "registry.example.com:5000", "not a loopback address")]
    [InlineData("lan-address", "10.0.0.5:5000", "not a loopback address")]
    public void TryParse_Refused_SaysWhy(string row, string text, string expected)
    {
        Assert.NotEmpty(row);
        Assert.False(RegistryEndpoint.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
