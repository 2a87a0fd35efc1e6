using System.Security.Cryptography;
using System.Text.Json;
using Barge.Engine.Credentials;
using Xunit;

namespace Barge.Engine.Tests.Credentials;

public sealed class SecretSealingTests : IDisposable
{
    private readonly SecretCipher _cipher = new(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => _cipher.Dispose();

    [Fact]
    public void TrySeal_DataAndStringData_MergedSealedAndOpenedBack()
    {
        var payload = Json("""{"type":"Opaque","data":{"username":"Ym90"},"stringData":{"password":"s3cret"}}""");

        Assert.True(SecretSealing.TrySeal(payload, null, "p", "creds", _cipher, out var sealedPayload, out var error), error);

        var text = sealedPayload.Value.GetRawText();
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ym90", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stringData", text, StringComparison.Ordinal);
        Assert.True(SecretSealing.IsSealed(sealedPayload.Value));
        Assert.True(SecretSealing.TryOpenAll(sealedPayload.Value, "p", "creds", _cipher, out var values, out _));
        Assert.Equal("bot", values["username"]);
        Assert.Equal("s3cret", values["password"]);
    }

    [Fact]
    public void TrySeal_SameValuesAgain_KeepsStoredSeals()
    {
        var payload = Json("""{"stringData":{"password":"s3cret"}}""");
        SecretSealing.TrySeal(payload, null, "p", "creds", _cipher, out var first, out _);

        SecretSealing.TrySeal(payload, first, "p", "creds", _cipher, out var second, out _);
        SecretSealing.TrySeal(Json("""{"stringData":{"password":"changed"}}"""), first, "p", "creds", _cipher, out var third, out _);

        Assert.True(JsonElement.DeepEquals(first!.Value, second!.Value));
        Assert.False(JsonElement.DeepEquals(first.Value, third!.Value));
    }

    [Fact]
    public void TryOpenAll_SealCopiedToAnotherSecret_FailsWithoutTheValue()
    {
        SecretSealing.TrySeal(Json("""{"stringData":{"password":"s3cret"}}"""), null, "p", "creds", _cipher, out var sealedPayload, out _);

        var opened = SecretSealing.TryOpenAll(sealedPayload!.Value, "p", "other", _cipher, out _, out var error);

        Assert.False(opened);
        Assert.StartsWith("Secret \"other\" in project \"p\": data.password: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
