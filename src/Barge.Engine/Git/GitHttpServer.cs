using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Barge.Engine.Git;

/// <summary>
/// Serves the repositories under a folder over git's smart HTTP on a free loopback port: <c>git
/// http-backend</c> as a CGI program behind an <see cref="HttpListener"/>. Used by <c>barge demo</c>
/// (read-only: a Warehouse's repoURL accepts http(s), ssh and file URLs, as in Kargo, so a <c>git://</c>
/// daemon would not do) and by the tests (pushes, HTTP basic authentication, a count of refusals).
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private const int BindAttempts = 10;
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly GitHttpServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _refused;

    private GitHttpServer(HttpListener listener, string root, GitHttpServerOptions options, int port)
    {
        _listener = listener;
        _root = root;
        _options = options;
        Port = port;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>How many requests were refused for missing or wrong credentials.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The URL of a repository: a name relative to the served folder, or a path inside it.</summary>
    public string UrlOf(string repository)
    {
        var relative = Path.IsPathRooted(repository) ? Path.GetRelativePath(_root, repository) : repository;
        return $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{relative.Replace('\\', '/')}";
    }

    /// <summary>A running server, or an <see cref="InvalidOperationException"/> saying why not.</summary>
    public static GitHttpServer Start(string root, GitHttpServerOptions? options = null)
    {
        var (server, problem) = TryStart(root, options);
        return server ?? throw new InvalidOperationException("git smart HTTP server: " + problem);
    }

    /// <summary>The running server, or null and why (no HTTP listener on this platform, no loopback port).</summary>
    public static (GitHttpServer? Server, string? Problem) TryStart(string root, GitHttpServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!HttpListener.IsSupported)
        {
            return (null, "this platform has no HTTP listener");
        }
        // A probed free port can be taken before the listener binds it: probe again.
        for (var attempt = 1; attempt <= BindAttempts; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return (new GitHttpServer(listener, root, options ?? new GitHttpServerOptions(), port), null);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }
        return (null, $"no free loopback port after {BindAttempts} attempts");
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The socket is gone either way.
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var url = context.Request.Url!;
            if (_options.Account is { } account && !Authorized(context.Request.Headers["Authorization"], account))
            {
                Interlocked.Increment(ref _refused);
                response.StatusCode = 401;
                response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
                response.Close();
                return;
            }
            if (!_options.AllowPush && (url.AbsolutePath.EndsWith("/git-receive-pack", StringComparison.Ordinal) || url.Query.Contains("service=git-receive-pack", StringComparison.Ordinal)))
            {
                response.StatusCode = 403;
                response.Close();
                return;
            }
            await RunBackendAsync(context.Request, response);
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            response.Abort();
        }
    }

    private async Task RunBackendAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_options.AllowPush)
        {
            // http-backend takes pushes only from an authenticated REMOTE_USER unless told otherwise;
            // without an account the server is open to anyone on loopback, pushes included.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("http.receivepack=true");
        }
        start.ArgumentList.Add("http-backend");
        var environment = start.Environment;
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_PROJECT_ROOT"] = _root;
        environment["GIT_HTTP_EXPORT_ALL"] = "1";
        environment["REQUEST_METHOD"] = request.HttpMethod;
        environment["PATH_INFO"] = Uri.UnescapeDataString(request.Url!.AbsolutePath);
        environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        environment["CONTENT_TYPE"] = request.ContentType ?? "";
        environment["REMOTE_ADDR"] = "127.0.0.1";
        environment["REMOTE_USER"] = _options.Account?.User ?? "";
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            environment["HTTP_CONTENT_ENCODING"] = encoding;
        }
        if (request.Headers["Git-Protocol"] is { } protocol)
        {
            environment["GIT_PROTOCOL"] = protocol;
        }
        if (request.ContentLength64 >= 0)
        {
            environment["CONTENT_LENGTH"] = request.ContentLength64.ToString(CultureInfo.InvariantCulture);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git http-backend did not start");
        var stderr = process.StandardError.ReadToEndAsync(_stopping.Token);
        await request.InputStream.CopyToAsync(process.StandardInput.BaseStream, _stopping.Token);
        process.StandardInput.Close();
        var output = process.StandardOutput.BaseStream;
        foreach (var line in await ReadHeadersAsync(output))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
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
        await output.CopyToAsync(response.OutputStream, _stopping.Token);
        await process.WaitForExitAsync(_stopping.Token);
        await stderr;
        response.Close();
    }

    /// <summary>The CGI headers, up to the blank line; byte by byte so the body stays in the stream.</summary>
    private static async Task<List<string>> ReadHeadersAsync(Stream output)
    {
        var headers = new List<string>();
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await output.ReadAsync(buffer) == 1)
        {
            if (buffer[0] != '\n')
            {
                line.Append((char)buffer[0]);
                continue;
            }
            var text = line.ToString().TrimEnd('\r');
            if (text.Length == 0)
            {
                break;
            }
            headers.Add(text);
            line.Clear();
        }
        return headers;
    }

    private static bool Authorized(string? header, GitHttpAccount expected)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected.User + ":" + expected.Password));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
