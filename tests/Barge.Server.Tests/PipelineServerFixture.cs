namespace Barge.Server.Tests;

/// <summary>One server with <see cref="TestServer.Pipeline"/> applied, shared by the cases of a test class.</summary>
public sealed class PipelineServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    internal TestServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await _server.ApplyPipelineAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
