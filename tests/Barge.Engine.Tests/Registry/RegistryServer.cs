using System.Diagnostics;
using System.Net;
using Barge.Testing;

namespace Barge.Engine.Tests.Registry;

/// <summary>
/// A real Distribution registry (Debian's <c>docker-registry</c>) on a free loopback port, with
/// filesystem storage in a temporary folder: anonymous, htpasswd basic auth, or token auth against
/// a <see cref="TokenServer"/>. Several servers may share one storage folder (push anonymously,
/// read through an authenticated one).
/// </summary>
internal sealed class RegistryServer : IDisposable
{
    public const string User = "barge";
    public const string Password = "s3cret-pa55";

    private readonly Process _process;
    private readonly TempDirectory _folder;

    private RegistryServer(Process process, TempDirectory folder, int port, string storage)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Storage = storage;
    }

    public static string Binary => Environment.GetEnvironmentVariable("BARGE_REGISTRY_BINARY") ?? "/usr/bin/docker-registry";

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public string Storage { get; }

    public static RegistryServer StartAnonymous(string? storage = null) => Start(storage, string.Empty, null);

    public static RegistryServer StartHtpasswd(string? storage = null)
    {
        var folder = new TempDirectory("registry-auth");
        var htpasswd = folder.Combine("htpasswd");
        File.WriteAllText(htpasswd, RunHtpasswd() + "\n");
        var auth = $"auth:\n  htpasswd:\n    realm: barge-test\n    path: {htpasswd}\n";
        return Start(storage, auth, folder);
    }

    public static RegistryServer StartToken(TokenServer tokens, string? storage = null)
    {
        var folder = new TempDirectory("registry-token");
        var bundle = folder.Combine("token.crt");
        File.WriteAllText(bundle, tokens.CertificatePem);
        var auth = $"auth:\n  token:\n    realm: {tokens.Realm}\n    service: {TokenServer.Service}\n    issuer: {TokenServer.Issuer}\n    rootcertbundle: {bundle}\n";
        return Start(storage, auth, folder);
    }

    /// <summary>An anonymous registry serving HTTPS with the given PEM certificate and key.</summary>
    public static RegistryServer StartTls(string certificatePem, string keyPem)
    {
        var folder = new TempDirectory("registry-tls");
        File.WriteAllText(folder.Combine("tls.crt"), certificatePem);
        File.WriteAllText(folder.Combine("tls.key"), keyPem);
        var tls = $"  tls:\n    certificate: {folder.Combine("tls.crt")}\n    key: {folder.Combine("tls.key")}\n";
        return Start(null, string.Empty, folder, tls);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _folder.Dispose();
    }

    private static RegistryServer Start(string? storage, string authSection, TempDirectory? authFolder, string tlsSection = "")
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: run scripts/services/registry.sh install (apt package docker-registry)");
        }
        var folder = authFolder ?? new TempDirectory("registry");
        storage ??= folder.Combine("data");
        Directory.CreateDirectory(storage);
        var port = LoopbackHttpServer.FreePort();
        var config = folder.Combine("config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{port}
              secret: barge-test-http-secret
            {tlsSection}
            {authSection}
            """);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new RegistryServer(process, folder, port, storage);
        WaitUntilServing(server, process, stderr, tls: tlsSection.Length > 0);
        return server;
    }

    private static void WaitUntilServing(RegistryServer server, Process process, System.Text.StringBuilder stderr, bool tls)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException("docker-registry exited: " + stderr);
            }
            try
            {
                using var response = http.GetAsync($"{(tls ? "https" : "http")}://{server.Host}/v2/").GetAwaiter().GetResult();
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Thread.Sleep(50);
        }
        server.Dispose();
        throw new InvalidOperationException("docker-registry did not answer within 20 s: " + stderr);
    }

    private static string RunHtpasswd()
    {
        var start = new ProcessStartInfo("htpasswd") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-nbB", User, Password })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? line : throw new InvalidOperationException("htpasswd failed: " + process.StandardError.ReadToEnd());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("htpasswd is missing: run scripts/services/registry.sh install (apt package apache2-utils)", e);
        }
    }
}
