using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Barge.Engine.Tests.Registry;

/// <summary>
/// A small HTTP server on 127.0.0.1 for the paths a real registry cannot produce on demand
/// (garbage JSON, huge lists, redirect loops, stalls, 429s, a token server, a chart index). It
/// records every request's path and Authorization header.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        // A probed free port can be taken by another test process before the listener binds it
        // (several test projects run on this machine at once): probe again rather than fail.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; private set; }

    public string Authority => $"127.0.0.1:{Port}";

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType = "application/json")
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            // Close alone: Stop followed by Close makes the managed listener look the endpoint up
            // again, re-binding the port — which fails when another test process took it meanwhile.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The socket is gone either way; a failed unregistration is not the test's concern.
        }
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.Headers["Authorization"]));
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException)
                {
                    // The client went away (timeouts are part of the tests).
                }
            });
        }
    }

    internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization);
}
