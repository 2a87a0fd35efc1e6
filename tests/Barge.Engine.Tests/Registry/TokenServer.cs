using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Barge.Engine.Tests.Registry;

/// <summary>
/// A token server for the registry's <c>auth.token</c> mode: it checks basic credentials and
/// issues RS256 JWTs (signed with a fresh self-signed certificate carried in <c>x5c</c>, which the
/// registry trusts through its <c>rootcertbundle</c>) granting the requested scope.
/// </summary>
internal sealed class TokenServer : IAsyncDisposable
{
    public const string Service = "barge-test-registry";
    public const string Issuer = "barge-test-issuer";

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly LoopbackHttpServer _server;
    private int _issued;

    public TokenServer(int lifetimeSeconds = 300)
    {
        var request = new CertificateRequest("CN=barge-test-token-issuer", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        LifetimeSeconds = lifetimeSeconds;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public int LifetimeSeconds { get; }

    public string Realm => $"http://{_server.Authority}/token";

    public string CertificatePem => _certificate.ExportCertificatePem();

    public int TokensIssued => Volatile.Read(ref _issued);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RegistryServer.User + ":" + RegistryServer.Password));
        if (context.Request.Headers["Authorization"] != expected)
        {
            await LoopbackHttpServer.WriteAsync(context.Response, 401, """{"details":"bad credentials"}""");
            return;
        }
        var scope = context.Request.QueryString["scope"] ?? string.Empty;
        var access = new List<object>();
        var parts = scope.Split(':');
        if (parts.Length == 3)
        {
            access.Add(new { type = parts[0], name = parts[1], actions = parts[2].Split(',') });
        }
        Interlocked.Increment(ref _issued);
        var token = Sign(new
        {
            iss = Issuer,
            sub = RegistryServer.User,
            aud = Service,
            exp = DateTimeOffset.UtcNow.AddSeconds(LifetimeSeconds).ToUnixTimeSeconds(),
            nbf = DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeSeconds(),
            iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            jti = Guid.NewGuid().ToString("N"),
            access,
        });
        await LoopbackHttpServer.WriteAsync(context.Response, 200, JsonSerializer.Serialize(new { token, expires_in = LifetimeSeconds }));
    }

    private string Sign(object claims)
    {
        var header = new { typ = "JWT", alg = "RS256", x5c = new[] { Convert.ToBase64String(_certificate.RawData) } };
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
