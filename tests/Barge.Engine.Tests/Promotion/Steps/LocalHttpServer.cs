using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Barge.Engine.Tests.Promotion.Steps;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (one request per connection), answering through a handler and
/// recording every request. Written over a socket so a test can send lying headers or slow answers.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, HttpReply> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LocalHttpServer(Func<RecordedRequest, HttpReply> handler)
    {
        this.handler = handler;
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string At(string pathAndQuery) => new Uri(Url, pathAndQuery).ToString();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop.
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Requests.Enqueue(request);
                var reply = handler(request);
                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, stop.Token);
                }
                await WriteReplyAsync(stream, reply);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (a timeout or a refused size): nothing to answer.
            }
        }
    }

    private static async Task<RecordedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("connection closed before the request head ended");
            }
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        var body = "";
        if (headers.TryGetValue("content-length", out var length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n)
        {
            var buffer = new byte[n];
            await stream.ReadExactlyAsync(buffer);
            body = Encoding.UTF8.GetString(buffer);
        }
        return new RecordedRequest(first[0], first[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static async Task WriteReplyAsync(NetworkStream stream, HttpReply reply)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body);
        var length = reply.DeclaredLength ?? (body.LongLength + reply.RepeatBodyBytes);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(reply.Status).Append(" Status\r\n")
            .Append("Connection: close\r\n");
        if (length >= 0)
        {
            head.Append("Content-Length: ").Append(length).Append("\r\n");
        }
        if (reply.ContentType is not null)
        {
            head.Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
        }
        foreach (var (name, value) in reply.Headers ?? [])
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        var chunk = new byte[64 * 1024];
        for (var left = reply.RepeatBodyBytes; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
        await stream.FlushAsync();
    }
}
