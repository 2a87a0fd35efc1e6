using Barge.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Barge.Testing.Grommet;

/// <summary>
/// The outside world of the grommet scenario: a real source repository (file://) tagged with dev builds
/// and releases, a bare config repository (file://) with <c>main</c> holding env/dev and env/prod values,
/// and a real anonymous <c>docker-registry</c> on a free loopback port that images are pushed to over the
/// Distribution API. A missing git or registry fails the test with the way to install it; nothing skips.
/// </summary>
public sealed class GrommetWorld : IDisposable
{
    /// <summary>The seeded values; yaml-update only changes keys that exist, as in Kargo.</summary>
    public const string DevValues = "replicas: 1\ndesiredRevision: \"\"\nimageTag: \"\"\nsource: \"\"\n";

    public const string ProdValues = "replicas: 3\ndesiredRevision: \"\"\nimageTag: \"\"\nsource: \"\"\n";

    private static readonly string RegistryBinary = Environment.GetEnvironmentVariable("BARGE_REGISTRY_BINARY") ?? "/usr/bin/docker-registry";

    private readonly TempDirectory _folder = new("grommet-world");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Process _registry;
    private long _clock = 1_700_000_000;

    public GrommetWorld()
    {
        Source = _folder.Combine("source");
        Directory.CreateDirectory(Source);
        Git(Source, "init", "--quiet", "--initial-branch=main");
        var seed = _folder.Combine("config-seed");
        Directory.CreateDirectory(Path.Combine(seed, "env", "dev"));
        Directory.CreateDirectory(Path.Combine(seed, "env", "prod"));
        File.WriteAllText(Path.Combine(seed, "env", "dev", "values.yaml"), DevValues);
        File.WriteAllText(Path.Combine(seed, "env", "prod", "values.yaml"), ProdValues);
        Git(seed, "init", "--quiet", "--initial-branch=main");
        Git(seed, "add", ".");
        Git(seed, "commit", "--quiet", "-m", "seed config");
        ConfigBare = _folder.Combine("config.git");
        Git(_folder.Path, "clone", "--quiet", "--bare", seed, ConfigBare);
        _registry = StartRegistry(out var port);
        RegistryHost = $"127.0.0.1:{port}";
    }

    public string Source { get; }

    public string ConfigBare { get; }

    public string RegistryHost { get; }

    public string SourceUrl => new Uri(Source).AbsoluteUri;

    public string ConfigUrl => new Uri(ConfigBare).AbsoluteUri;

    public string ImageRepo => RegistryHost + "/grommet";

    /// <summary>examples/grommet/pipeline.yaml with its placeholders pointing at these remotes.</summary>
    public string Pipeline() => GrommetExample.Render(SourceUrl, ConfigUrl, ImageRepo);

    /// <summary>Commits a file to the source repository, tags the commit (annotated) and returns its ID.</summary>
    public string CommitAndTag(string tag)
    {
        File.WriteAllText(Path.Combine(Source, tag + ".txt"), tag);
        Git(Source, "add", ".");
        Git(Source, "commit", "--quiet", "-m", "build " + tag);
        Git(Source, "tag", "-a", tag, "-m", "tag " + tag);
        return Git(Source, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Pushes a tiny OCI image <c>grommet:tag</c> (config blob, one layer, manifest).</summary>
    public async Task PushImageAsync(string tag, DateTimeOffset created)
    {
        var config = Encoding.UTF8.GetBytes(
            $$$"""{"created":"{{{created.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}","architecture":"amd64","os":"linux","config":{"Labels":{"tag":"{{{tag}}}"}},"rootfs":{"type":"layers","diff_ids":["sha256:{{{new string('0', 64)}}}"]}}""");
        var layer = Encoding.UTF8.GetBytes("grommet layer " + tag);
        var configDigest = await PushBlobAsync(config);
        var layerDigest = await PushBlobAsync(layer);
        var manifest = Encoding.UTF8.GetBytes(
            $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{layerDigest}}}","size":{{{layer.Length}}}}]}""");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"http://{RegistryHost}/v2/grommet/manifests/{tag}"))
        {
            Content = new ByteArrayContent(manifest) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json") } },
        };
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"manifest grommet:{tag}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The config repository's <c>main</c> cloned into a fresh folder.</summary>
    public string CloneConfig(string name)
    {
        var target = _folder.Combine(name);
        Git(_folder.Path, "clone", "--quiet", "--branch", "main", ConfigBare, target);
        return target;
    }

    /// <summary>Runs git with a fixed identity and increasing dates, set on the child only.</summary>
    public string Git(string directory, params string[] arguments) =>
        // Distinct, increasing dates: NewestTag orders by creator date.
        FixtureGit.Run(directory, DateTimeOffset.FromUnixTimeSeconds(_clock += 60), arguments);

    public void Dispose()
    {
        try
        {
            if (!_registry.HasExited)
            {
                _registry.Kill(entireProcessTree: true);
                _registry.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _registry.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }

    private async Task<string> PushBlobAsync(byte[] content)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        using var start = await _http.PostAsync(new Uri($"http://{RegistryHost}/v2/grommet/blobs/uploads/"), null);
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, $"blob upload start: HTTP {(int)start.StatusCode}");
        var location = start.Headers.Location!;
        var upload = location.IsAbsoluteUri ? location : new Uri(new Uri($"http://{RegistryHost}"), location);
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var put = await _http.PutAsync(
            new Uri(upload + separator + "digest=" + Uri.EscapeDataString(digest)),
            new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        Assert.True(put.StatusCode == HttpStatusCode.Created, $"blob upload {digest}: HTTP {(int)put.StatusCode}");
        return digest;
    }

    private Process StartRegistry(out int port)
    {
        if (!File.Exists(RegistryBinary))
        {
            throw new InvalidOperationException($"{RegistryBinary} is missing: run scripts/services/registry.sh install (apt package docker-registry)");
        }
        for (var attempt = 1; ; attempt++)
        {
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var process = TryStartRegistry(port);
            if (process is not null)
            {
                return process;
            }
            if (attempt == 3)
            {
                throw new InvalidOperationException($"docker-registry did not answer on three free ports (last {port}) within 20 s each");
            }
        }
    }

    private Process? TryStartRegistry(int port)
    {
        var config = _folder.Combine($"registry-{port}.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {_folder.Combine("registry-data")}
            http:
              addr: 127.0.0.1:{port}
              secret: barge-grommet-world
            """);
        var start = new ProcessStartInfo(RegistryBinary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = _http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Thread.Sleep(50);
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
        return null;
    }
}
