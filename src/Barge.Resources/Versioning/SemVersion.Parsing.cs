using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Barge.Resources.Versioning;

public sealed partial class SemVersion
{
    private const string InvalidSemVer = "invalid semantic version";
    private const string InvalidPrerelease = "invalid prerelease string";
    private const string InvalidMetadata = "invalid metadata string";
    private const string SegmentStartsZero = "version segment starts with 0";

    /// <summary>
    /// Lenient parse (Masterminds <c>NewVersion</c>): an optional lowercase <c>v</c>, one to three
    /// numeric parts (missing ones become 0, leading zeros are dropped), then an optional
    /// prerelease and metadata. Nothing is trimmed.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SemVersion? version) =>
        TryParse(text, out version, out _);

    /// <inheritdoc cref="TryParse(string, out SemVersion?)"/>
    public static bool TryParse(string text, [NotNullWhen(true)] out SemVersion? version, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = null;
        var match = LooseVersionPattern().Match(text);
        if (!match.Success)
        {
            error = InvalidSemVer;
            return false;
        }
        if (!TryParseNumber(match.Groups["major"].Value, out var major)
            || !TryParseOptionalNumber(match.Groups["minor"].Value, out var minor)
            || !TryParseOptionalNumber(match.Groups["patch"].Value, out var patch))
        {
            error = "error parsing version segment: value out of range";
            return false;
        }
        var prerelease = match.Groups["pre"].Value;
        var metadata = match.Groups["meta"].Value;
        error = ValidatePrerelease(prerelease) ?? ValidateMetadata(metadata);
        if (error is not null)
        {
            return false;
        }
        version = new SemVersion(major, minor, patch, prerelease, metadata, text);
        return true;
    }

    /// <summary>
    /// Strict parse (Masterminds <c>StrictNewVersion</c>): exactly SemVer 2.0.0 — three parts, no
    /// <c>v</c>, no leading zeros.
    /// </summary>
    public static bool TryParseStrict(string text, [NotNullWhen(true)] out SemVersion? version) =>
        TryParseStrict(text, out version, out _);

    /// <inheritdoc cref="TryParseStrict(string, out SemVersion?)"/>
    public static bool TryParseStrict(string text, [NotNullWhen(true)] out SemVersion? version, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = null;
        if (text.Length == 0)
        {
            error = "version string empty";
            return false;
        }
        var parts = text.Split('.', 3);
        if (parts.Length != 3)
        {
            error = InvalidSemVer;
            return false;
        }
        var metadata = string.Empty;
        var plus = parts[2].IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            metadata = parts[2][(plus + 1)..];
            parts[2] = parts[2][..plus];
            error = ValidateMetadata(metadata.Length == 0 ? "." : metadata);
            if (error is not null)
            {
                return false;
            }
        }
        var prerelease = string.Empty;
        var dash = parts[2].IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = parts[2][(dash + 1)..];
            parts[2] = parts[2][..dash];
            error = prerelease.Length == 0 ? InvalidPrerelease : ValidatePrerelease(prerelease);
            if (error is not null)
            {
                return false;
            }
        }
        foreach (var part in parts)
        {
            if (!part.All(char.IsAsciiDigit))
            {
                error = "invalid characters in version";
                return false;
            }
            if (part.Length > 1 && part[0] == '0')
            {
                error = SegmentStartsZero;
                return false;
            }
        }
        if (!TryParseNumber(parts[0], out var major) || !TryParseNumber(parts[1], out var minor) || !TryParseNumber(parts[2], out var patch))
        {
            error = "error parsing version segment: invalid or out of range";
            return false;
        }
        error = null;
        version = new SemVersion(major, minor, patch, prerelease, metadata, text);
        return true;
    }

    /// <summary>
    /// Kargo's parse of a tag or version (<c>pkg/controller/semver/parser.go</c>): the lenient parse
    /// must succeed and, when <paramref name="strict"/>, the strict parse of the text without one
    /// leading <c>v</c> must succeed too. The lenient result is returned, so <see cref="Original"/>
    /// keeps the <c>v</c>.
    /// </summary>
    public static bool TryParseKargo(string text, bool strict, [NotNullWhen(true)] out SemVersion? version)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out version))
        {
            return false;
        }
        var withoutV = text.StartsWith('v') ? text[1..] : text;
        if (strict && !TryParseStrict(withoutV, out _))
        {
            version = null;
            return false;
        }
        return true;
    }

    private static bool TryParseOptionalNumber(string digits, out ulong value)
    {
        if (digits.Length == 0)
        {
            value = 0;
            return true;
        }
        return TryParseNumber(digits, out value);
    }

    // Every identifier non-empty and of [0-9A-Za-z-]; an all-digit identifier has no leading zero.
    private static string? ValidatePrerelease(string prerelease)
    {
        if (prerelease.Length == 0)
        {
            return null;
        }
        foreach (var identifier in prerelease.Split('.'))
        {
            if (identifier.Length == 0)
            {
                return InvalidPrerelease;
            }
            if (identifier.All(char.IsAsciiDigit))
            {
                if (identifier.Length > 1 && identifier[0] == '0')
                {
                    return SegmentStartsZero;
                }
            }
            else if (!identifier.All(IsIdentifierChar))
            {
                return InvalidPrerelease;
            }
        }
        return null;
    }

    private static string? ValidateMetadata(string metadata)
    {
        if (metadata.Length == 0)
        {
            return null;
        }
        foreach (var identifier in metadata.Split('.'))
        {
            if (identifier.Length == 0 || !identifier.All(IsIdentifierChar))
            {
                return InvalidMetadata;
            }
        }
        return null;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    // [0-9] rather than \d (which admits Unicode digits) and \z rather than $ (which admits a final
    // newline): Go's regexp has neither of those looser meanings.
    [GeneratedRegex(@"^v?(?<major>[0-9]+)(?:\.(?<minor>[0-9]+))?(?:\.(?<patch>[0-9]+))?(?:-(?<pre>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+(?<meta>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LooseVersionPattern();
}
