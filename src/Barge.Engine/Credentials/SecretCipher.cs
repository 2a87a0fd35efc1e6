using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Barge.Engine.Credentials;

/// <summary>
/// AES-256-GCM for secret values at rest. A sealed value is the text <c>v1:</c> followed by the
/// base64 of nonce (12 bytes), ciphertext and tag (16 bytes). The associated data (for example
/// <c>project/secret-name</c>) binds a sealed value to its owner, so a value copied to another
/// Secret does not open. The key is 32 bytes: from <c>BARGE_SECRET_KEY</c> (base64) when set,
/// otherwise from <c>$BARGE_HOME/keys/secret.key</c>, created with mode 0600 on first use.
/// </summary>
public sealed class SecretCipher : IDisposable
{
    public const string KeyEnvironmentVariable = "BARGE_SECRET_KEY";
    private const string Prefix = "v1:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly AesGcm _aes;

    public SecretCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"a secret key must be {KeySize} bytes, not {key.Length}", nameof(key));
        }
        _aes = new AesGcm(key, TagSize);
    }

    /// <summary>
    /// The cipher for a Barge home: the key from <c>BARGE_SECRET_KEY</c> when
    /// <paramref name="environmentKey"/> is given, else from (or newly into) the home's key file.
    /// An unusable key is an expected failure and comes back as <paramref name="error"/>.
    /// </summary>
    public static bool TryOpen(string bargeHome, string? environmentKey, [NotNullWhen(true)] out SecretCipher? cipher, [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(bargeHome);
        cipher = null;
        if (!string.IsNullOrEmpty(environmentKey))
        {
            if (!TryDecodeKey(environmentKey, out var fromEnv))
            {
                error = $"{KeyEnvironmentVariable} must be the base64 of {KeySize} random bytes";
                return false;
            }
            cipher = new SecretCipher(fromEnv);
            error = null;
            return true;
        }
        var keyFile = Path.Combine(bargeHome, "keys", "secret.key");
        try
        {
            if (!File.Exists(keyFile))
            {
                CreateKeyFile(keyFile);
            }
            if (!TryDecodeKey(File.ReadAllText(keyFile).Trim(), out var fromFile))
            {
                error = $"key file {keyFile}: expected the base64 of {KeySize} bytes";
                return false;
            }
            cipher = new SecretCipher(fromFile);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"key file {keyFile}: {e.Message}";
            return false;
        }
    }

    /// <summary>Seals <paramref name="plaintext"/> with a fresh random nonce.</summary>
    public string Seal(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(associatedData));
        CryptographicOperations.ZeroMemory(clear);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// Opens a sealed value. A value that is malformed, was sealed with another key, was altered,
    /// or belongs to other associated data fails with an error that never contains the value.
    /// </summary>
    public bool TryOpen(string sealedText, string associatedData, [NotNullWhen(true)] out string? plaintext, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        ArgumentNullException.ThrowIfNull(associatedData);
        plaintext = null;
        if (!sealedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "not a sealed secret value (expected the v1: prefix)";
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(sealedText[Prefix.Length..]);
        }
        catch (FormatException)
        {
            error = "sealed secret value is not valid base64";
            return false;
        }
        if (bytes.Length < NonceSize + TagSize)
        {
            error = "sealed secret value is too short";
            return false;
        }
        var length = bytes.Length - NonceSize - TagSize;
        var clear = new byte[length];
        try
        {
            _aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, length), bytes.AsSpan(NonceSize + length), clear, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            error = "sealed secret value does not open with this key (wrong key, altered value, or sealed for another secret)";
            return false;
        }
        plaintext = Encoding.UTF8.GetString(clear);
        CryptographicOperations.ZeroMemory(clear);
        error = null;
        return true;
    }

    public void Dispose() => _aes.Dispose();

    private static bool TryDecodeKey(string text, out byte[] key)
    {
        key = new byte[KeySize];
        return Convert.TryFromBase64String(text, key, out var written) && written == KeySize;
    }

    private static void CreateKeyFile(string keyFile)
    {
        var folder = Path.GetDirectoryName(keyFile)!;
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(keyFile, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another process created the key first; theirs is the key.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
