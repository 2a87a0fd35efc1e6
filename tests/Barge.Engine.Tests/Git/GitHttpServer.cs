using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Barge.Engine.Tests.Git;

/// <summary>
/// Smart HTTP for tests: <c>git http-backend</c> run as a CGI program behind an
/// <see cref="HttpListener"/> on a free loopback port, with optional basic authentication. Counts
/// the requests that were refused for lack of (right) credentials.
/// </summary>
internal sealed class GitHttpServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly string projectRoot;
    private readonly (string User, string Password)? account;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int refused;

    public GitHttpServer(string projectRoot, (string User, string Password)? account = null)
    {
        this.projectRoot = projectRoot;
        this.account = account;
        // A probed free port can be taken by another test before the listener binds it: probe again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var candidate = new HttpListener();
            candidate.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
            try
            {
                candidate.Start();
                listener = candidate;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                candidate.Close();
            }
        }
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; private set; }

    public int Refused => Volatile.Read(ref refused);

    public string UrlOf(string repositoryPath) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/{Path.GetRelativePath(projectRoot, repositoryPath).Replace('\\', '/')}");

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            // Close alone: Stop then Close looks the endpoint up again and may re-bind a port that
            // another test took meanwhile.
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The socket is gone either way.
        }
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (account is { } expected && !Authorized(request.Headers["Authorization"], expected))
            {
                Interlocked.Increment(ref refused);
                response.StatusCode = 401;
                response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
                response.Close();
                return;
            }
            await RunBackendAsync(request, response);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or InvalidOperationException)
        {
            response.Abort();
        }
    }

    private async Task RunBackendAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("http-backend");
        var env = startInfo.Environment;
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_CONFIG_GLOBAL"] = "/dev/null";
        env["GIT_PROJECT_ROOT"] = projectRoot;
        env["GIT_HTTP_EXPORT_ALL"] = "1";
        env["REQUEST_METHOD"] = request.HttpMethod;
        env["PATH_INFO"] = Uri.UnescapeDataString(request.Url!.AbsolutePath);
        env["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        env["CONTENT_TYPE"] = request.ContentType ?? string.Empty;
        env["REMOTE_ADDR"] = "127.0.0.1";
        env["REMOTE_USER"] = account?.User ?? string.Empty;
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            env["HTTP_CONTENT_ENCODING"] = encoding;
        }
        if (request.Headers["Git-Protocol"] is { } protocol)
        {
            env["GIT_PROTOCOL"] = protocol;
        }
        if (request.ContentLength64 >= 0)
        {
            env["CONTENT_LENGTH"] = request.ContentLength64.ToString(CultureInfo.InvariantCulture);
        }
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await request.InputStream.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();

        var output = process.StandardOutput.BaseStream;
        var headers = await ReadHeadersAsync(output);
        foreach (var line in headers)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value[..3], CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }
        response.SendChunked = true;
        await output.CopyToAsync(response.OutputStream);
        await process.WaitForExitAsync();
        await stderr;
        response.Close();
    }

    private static async Task<List<string>> ReadHeadersAsync(Stream output)
    {
        var headers = new List<string>();
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await output.ReadAsync(buffer) == 1)
        {
            if (buffer[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                if (text.Length == 0)
                {
                    break;
                }
                headers.Add(text);
                line.Clear();
            }
            else
            {
                line.Append((char)buffer[0]);
            }
        }
        return headers;
    }

    private static bool Authorized(string? header, (string User, string Password) expected)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return decoded == expected.User + ":" + expected.Password;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
