using System.Security.Cryptography;

namespace Barge.Engine.Promotion;

/// <summary>
/// A ULID (48-bit millisecond timestamp + 80 random bits, Crockford base32, 26 characters): its
/// lexical order is its creation order, which Kargo relies on to queue Promotions by name.
/// </summary>
internal static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = -1;
    private static readonly byte[] LastRandomness = new byte[10];

    /// <summary>
    /// A new ULID from the clock and a random source (both injected so tests are repeatable). Within
    /// one millisecond the ULIDs of this process are monotonic (the previous randomness plus one, as
    /// the ULID specification's monotonic factory): two Promotions created in the same millisecond
    /// still queue in creation order.
    /// </summary>
    public static string New(TimeProvider time, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> randomness = stackalloc byte[10];
        lock (Gate)
        {
            if (milliseconds == _lastMilliseconds && Increment(LastRandomness))
            {
                LastRandomness.CopyTo(randomness);
            }
            else
            {
                random.GetBytes(randomness);
                randomness.CopyTo(LastRandomness);
                _lastMilliseconds = milliseconds;
            }
        }
        return Format(milliseconds, randomness);
    }

    /// <summary>Adds one to the 80-bit big-endian number; false when it overflowed (then a fresh random value is taken).</summary>
    private static bool Increment(byte[] value)
    {
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (++value[i] != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The ULID of a timestamp (milliseconds since the Unix epoch) and 10 random bytes.</summary>
    public static string Format(long unixMilliseconds, ReadOnlySpan<byte> randomness)
    {
        if (unixMilliseconds < 0 || unixMilliseconds > 0xFFFF_FFFF_FFFFL)
        {
            throw new ArgumentOutOfRangeException(nameof(unixMilliseconds), unixMilliseconds, "a ULID timestamp is 48 bits");
        }
        if (randomness.Length != 10)
        {
            throw new ArgumentException("a ULID has 10 random bytes", nameof(randomness));
        }
        Span<char> chars = stackalloc char[26];
        var timestamp = unixMilliseconds;
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(timestamp & 31)];
            timestamp >>= 5;
        }
        // 80 random bits as 16 base32 digits, most significant first.
        var high = ((ulong)randomness[0] << 32) | ((ulong)randomness[1] << 24) | ((ulong)randomness[2] << 16) | ((ulong)randomness[3] << 8) | randomness[4];
        var low = ((ulong)randomness[5] << 32) | ((ulong)randomness[6] << 24) | ((ulong)randomness[7] << 16) | ((ulong)randomness[8] << 8) | randomness[9];
        for (var i = 17; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(high & 31)];
            high >>= 5;
        }
        for (var i = 25; i >= 18; i--)
        {
            chars[i] = Alphabet[(int)(low & 31)];
            low >>= 5;
        }
        return new string(chars);
    }
}
