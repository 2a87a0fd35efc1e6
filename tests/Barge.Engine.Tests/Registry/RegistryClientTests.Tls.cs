using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed partial class RegistryClientTests
{
    [RegistryFact]
    public async Task ListTagsAsync_SelfSignedTls_FailsUnlessVerificationSkipped()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var registry = RegistryServer.StartTls(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        using var client = NewClient();
        var repository = new ImageRepository(registry.Host, "app", PlainHttp: false);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(repository, RegistryAccess.Anonymous, CancellationToken.None));
        // Past TLS, the registry itself answers: the repository does not exist (nothing was pushed).
        var answered = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(repository, new RegistryAccess(null, InsecureSkipTlsVerify: true), CancellationToken.None));

        Assert.Contains("TLS verification of", error.Message, StringComparison.Ordinal);
        Assert.Contains("insecureSkipTLSVerify", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Contains("NAME_UNKNOWN", answered.Message, StringComparison.Ordinal);
    }
}
