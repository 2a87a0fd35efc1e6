using System.Security.Cryptography;
using Barge.Engine.Credentials;
using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Credentials;

public sealed class SecretCipherTests
{
    [Fact]
    public void Seal_ThenOpen_RoundTripsAndNeverRepeatsCiphertext()
    {
        using var cipher = new SecretCipher(RandomNumberGenerator.GetBytes(32));

        var first = cipher.Seal("hunter2", "grommet/registry-creds");
        var second = cipher.Seal("hunter2", "grommet/registry-creds");

        Assert.StartsWith("v1:", first, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(cipher.TryOpen(first, "grommet/registry-creds", out var plain, out _));
        Assert.Equal("hunter2", plain);
    }

    public static TheoryData<string, Func<string, string>, string, string> FailureRows => new()
    {
        { "other associated data", s => s, "grommet/other", "does not open" },
        { "tampered byte", s => s[..^6] + (s[^6] == 'A' ? 'B' : 'A') + s[^5..], "grommet/creds", "does not open" },
        { "no prefix", s => s[3..], "grommet/creds", "expected the v1: prefix" },
        { "not base64", _ => "v1:***", "grommet/creds", "not valid base64" },
        { "too short", _ => "v1:AAAA", "grommet/creds", "too short" },
    };

    [Theory]
    [MemberData(nameof(FailureRows))]
    public void TryOpen_BadInput_FailsWithoutRevealingTheValue(string name, Func<string, string> mangle, string associatedData, string expected)
    {
        Assert.NotEmpty(name);
        using var cipher = new SecretCipher(RandomNumberGenerator.GetBytes(32));
        var sealedText = mangle(cipher.Seal("hunter2", "grommet/creds"));

        Assert.False(cipher.TryOpen(sealedText, associatedData, out var plain, out var error));
        Assert.Null(plain);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_OtherKey_Fails()
    {
        using var one = new SecretCipher(RandomNumberGenerator.GetBytes(32));
        using var other = new SecretCipher(RandomNumberGenerator.GetBytes(32));

        Assert.False(other.TryOpen(one.Seal("x", "p/s"), "p/s", out _, out var error));
        Assert.Contains("wrong key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_Home_CreatesKeyFileOwnerOnlyAndReusesIt()
    {
        using var home = new TempDirectory("barge-home");

        Assert.True(SecretCipher.TryOpen(home.Path, null, out var first, out _));
        string sealedText;
        using (first)
        {
            sealedText = first.Seal("value", "p/s");
        }
        Assert.True(SecretCipher.TryOpen(home.Path, null, out var second, out _));
        using (second)
        {
            Assert.True(second.TryOpen(sealedText, "p/s", out var plain, out _));
            Assert.Equal("value", plain);
        }
        var keyFile = home.Combine("keys", "secret.key");
        Assert.True(File.Exists(keyFile));
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public void TryOpen_EnvironmentKey_WinsOverFileAndIsValidated()
    {
        using var home = new TempDirectory("barge-home");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        Assert.True(SecretCipher.TryOpen(home.Path, key, out var cipher, out _));
        cipher.Dispose();
        Assert.False(File.Exists(home.Combine("keys", "secret.key")));
        Assert.False(SecretCipher.TryOpen(home.Path, "dG9vIHNob3J0", out _, out var error));
        Assert.Contains("BARGE_SECRET_KEY must be the base64 of 32 random bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_CorruptKeyFile_ClearError()
    {
        using var home = new TempDirectory("barge-home");
        Directory.CreateDirectory(home.Combine("keys"));
        File.WriteAllText(home.Combine("keys", "secret.key"), "garbage");

        Assert.False(SecretCipher.TryOpen(home.Path, null, out _, out var error));
        Assert.Contains("expected the base64 of 32 bytes", error, StringComparison.Ordinal);
    }
}
