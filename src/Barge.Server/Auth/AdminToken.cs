using System.Security.Cryptography;
using System.Text;

namespace Barge.Server.Auth;

/// <summary>
/// The bootstrap administrator's token: <c>BARGE_ADMIN_TOKEN</c> when set, else the one in
/// <c>$BARGE_HOME/admin-token</c>, generated (mode 0600) on first start. Compared in constant time.
/// </summary>
public sealed class AdminToken
{
    public const string EnvironmentVariable = "BARGE_ADMIN_TOKEN";
    public const string FileName = "admin-token";

    private readonly byte[] _hash;

    private AdminToken(string value, string? generatedAt)
    {
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        GeneratedAt = generatedAt;
    }

    /// <summary>The file the token was written to on this start; null when it came from the environment or an existing file.</summary>
    public string? GeneratedAt { get; }

    /// <summary>Where the token comes from, for the start-up line (never the token itself).</summary>
    public string Source { get; private init; } = "";

    public static async Task<AdminToken> LoadAsync(string home, string? fromEnvironment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return new AdminToken(fromEnvironment, null) { Source = "$" + EnvironmentVariable };
        }
        var path = Path.Combine(home, FileName);
        if (File.Exists(path))
        {
            var existing = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            if (existing.Length == 0)
            {
                throw new InvalidDataException($"admin token file {path} is empty; delete it to generate a new one");
            }
            return new AdminToken(existing, null) { Source = path };
        }
        Directory.CreateDirectory(home);
        var value = "barge_admin_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(value.AsMemory(), cancellationToken);
        }
        return new AdminToken(value, path) { Source = path };
    }

    /// <summary>Whether a token's SHA-256 (lowercase hex, as <see cref="ApiTokens.Hash"/> writes it) is the admin token's.</summary>
    public bool MatchesHash(string sha256Hex) =>
        sha256Hex.Length == 64 && sha256Hex.All(char.IsAsciiHexDigitLower)
        && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(sha256Hex), _hash);

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
}
