using System.Globalization;
using System.Text;

namespace Barge.Resources.Versioning;

/// <summary>
/// A semantic version with Masterminds/semver v3 semantics, as Kargo uses them. Parsing keeps the
/// input verbatim in <see cref="Original"/> (Kargo reports that text, never <see cref="ToString"/>);
/// ordering compares major, minor, patch and prerelease and ignores build metadata, so
/// <c>v1.0.0</c>, <c>1.0</c> and <c>1.0.0+build</c> are equal.
/// </summary>
public sealed partial class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    private SemVersion(ulong major, ulong minor, ulong patch, string prerelease, string metadata, string original)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Metadata = metadata;
        Original = original;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    /// <summary>The prerelease without its leading <c>-</c>; empty when the version has none.</summary>
    public string Prerelease { get; }

    /// <summary>The build metadata without its leading <c>+</c>; empty when absent. Never used in ordering.</summary>
    public string Metadata { get; }

    /// <summary>The exact text that was parsed (with its <c>v</c>, leading zeros and missing parts).</summary>
    public string Original { get; }

    /// <summary>True when the version has a prerelease part.</summary>
    public bool IsPrerelease => Prerelease.Length > 0;

    /// <summary>
    /// Orders two versions: -1, 0 or 1. Numeric parts first, then a version without prerelease is
    /// above the same version with one, then prereleases identifier by identifier. Metadata is ignored.
    /// </summary>
    public static int Compare(SemVersion left, SemVersion right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var byNumbers = CompareNumbers(left.Major, right.Major);
        if (byNumbers == 0)
        {
            byNumbers = CompareNumbers(left.Minor, right.Minor);
        }
        if (byNumbers == 0)
        {
            byNumbers = CompareNumbers(left.Patch, right.Patch);
        }
        if (byNumbers != 0)
        {
            return byNumbers;
        }
        return (left.IsPrerelease, right.IsPrerelease) switch
        {
            (false, false) => 0,
            (false, true) => 1,
            (true, false) => -1,
            _ => ComparePrereleases(left.Prerelease, right.Prerelease),
        };
    }

    public int CompareTo(SemVersion? other) => other is null ? 1 : Compare(this, other);

    /// <summary>Equal when <see cref="Compare"/> says so: the original text and metadata do not matter.</summary>
    public bool Equals(SemVersion? other) => other is not null && Compare(this, other) == 0;

    public override bool Equals(object? obj) => obj is SemVersion other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Prerelease);

    /// <summary>The normalised form: <c>major.minor.patch[-prerelease][+metadata]</c>, no <c>v</c>, no leading zeros.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (Prerelease.Length > 0)
        {
            text.Append('-').Append(Prerelease);
        }
        if (Metadata.Length > 0)
        {
            text.Append('+').Append(Metadata);
        }
        return text.ToString();
    }

    public static bool operator ==(SemVersion? left, SemVersion? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(SemVersion? left, SemVersion? right) => !(left == right);

    public static bool operator <(SemVersion left, SemVersion right) => Compare(left, right) < 0;

    public static bool operator <=(SemVersion left, SemVersion right) => Compare(left, right) <= 0;

    public static bool operator >(SemVersion left, SemVersion right) => Compare(left, right) > 0;

    public static bool operator >=(SemVersion left, SemVersion right) => Compare(left, right) >= 0;

    private static int CompareNumbers(ulong left, ulong right) => left.CompareTo(right) switch
    {
        < 0 => -1,
        > 0 => 1,
        _ => 0,
    };

    internal static int ComparePrereleases(string left, string right)
    {
        var leftParts = left.Split('.');
        var rightParts = right.Split('.');
        var length = Math.Max(leftParts.Length, rightParts.Length);
        for (var i = 0; i < length; i++)
        {
            var leftPart = i < leftParts.Length ? leftParts[i] : string.Empty;
            var rightPart = i < rightParts.Length ? rightParts[i] : string.Empty;
            var byPart = ComparePrereleaseIdentifiers(leftPart, rightPart);
            if (byPart != 0)
            {
                return byPart;
            }
        }
        return 0;
    }

    // A missing identifier is below any real one; numeric identifiers (those that fit in uint64)
    // compare as numbers and sort below alphanumeric ones, which compare by ordinal bytes.
    private static int ComparePrereleaseIdentifiers(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return 0;
        }
        if (left.Length == 0)
        {
            return -1;
        }
        if (right.Length == 0)
        {
            return 1;
        }
        var leftIsNumber = TryParseNumber(left, out var leftNumber);
        var rightIsNumber = TryParseNumber(right, out var rightNumber);
        return (leftIsNumber, rightIsNumber) switch
        {
            (false, false) => string.CompareOrdinal(left, right) > 0 ? 1 : -1,
            (false, true) => 1,
            (true, false) => -1,
            _ => leftNumber > rightNumber ? 1 : -1,
        };
    }

    internal static bool TryParseNumber(string digits, out ulong value) =>
        ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
