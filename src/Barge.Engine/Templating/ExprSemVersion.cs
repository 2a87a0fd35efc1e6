using Barge.Resources.Versioning;

namespace Barge.Engine.Templating;

/// <summary>
/// What <c>semverParse</c> returns: Masterminds' <c>*Version</c>, whose methods expressions call
/// (<c>.Major()</c>, <c>.IncMinor()</c>, <c>.String()</c>, <c>.Original()</c>…).
/// </summary>
internal sealed class ExprSemVersion
{
    private readonly SemVersion _version;

    internal ExprSemVersion(SemVersion version) => _version = version;

    public long Major() => checked((long)_version.Major);

    public long Minor() => checked((long)_version.Minor);

    public long Patch() => checked((long)_version.Patch);

    public string Prerelease() => _version.Prerelease;

    public string Metadata() => _version.Metadata;

    public string Original() => _version.Original;

    /// <summary>Masterminds' canonical form: <c>1.2.3[-pre][+meta]</c>, without a <c>v</c>.</summary>
    public string String() => Canonical(_version.Major, _version.Minor, _version.Patch, _version.Prerelease, _version.Metadata);

    /// <summary>The next major version (prerelease and metadata dropped), as Masterminds does.</summary>
    public ExprSemVersion IncMajor() => Parse(Canonical(_version.Major + 1, 0, 0, "", ""));

    public ExprSemVersion IncMinor() => Parse(Canonical(_version.Major, _version.Minor + 1, 0, "", ""));

    /// <summary>A prerelease's patch increment drops the prerelease only (Masterminds' rule).</summary>
    public ExprSemVersion IncPatch() => _version.Prerelease.Length > 0
        ? Parse(Canonical(_version.Major, _version.Minor, _version.Patch, "", ""))
        : Parse(Canonical(_version.Major, _version.Minor, _version.Patch + 1, "", ""));

    public override string ToString() => String();

    private static ExprSemVersion Parse(string text) =>
        SemVersion.TryParse(text, out var version) ? new ExprSemVersion(version) : throw new InvalidOperationException("unparsable canonical version " + text);

    private static string Canonical(ulong major, ulong minor, ulong patch, string prerelease, string metadata)
    {
        var text = FormattableString.Invariant($"{major}.{minor}.{patch}");
        if (prerelease.Length > 0)
        {
            text += "-" + prerelease;
        }
        if (metadata.Length > 0)
        {
            text += "+" + metadata;
        }
        return text;
    }
}
