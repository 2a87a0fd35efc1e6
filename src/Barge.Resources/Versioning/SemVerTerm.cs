namespace Barge.Resources.Versioning;

/// <summary>
/// One term of a constraint (<c>&gt;=1.2</c>, <c>~1.x</c>, <c>2</c>): the operator as written, the
/// version as written, and the base version derived from it. <see cref="Dirty"/> is set when a part
/// is a wildcard or missing; <see cref="MinorDirty"/> when the minor is (so <c>1</c>, <c>1.x</c>),
/// <see cref="PatchDirty"/> when only the patch is (<c>1.2</c>, <c>1.2.x</c>). Any-wild terms
/// (<c>*</c>) are dirty with neither flag.
/// </summary>
internal sealed record SemVerTerm(
    string OperatorText,
    string VersionText,
    SemVersion Base,
    bool Dirty,
    bool MinorDirty,
    bool PatchDirty)
{
    public override string ToString() => OperatorText + VersionText;

    /// <summary>
    /// Whether <paramref name="version"/> satisfies the term. A prerelease version fails every term
    /// of a group that does not itself mention a prerelease (<paramref name="includePrerelease"/>).
    /// </summary>
    public bool IsSatisfiedBy(SemVersion version, bool includePrerelease)
    {
        if (version.IsPrerelease && !includePrerelease)
        {
            return false;
        }
        return OperatorText switch
        {
            "" or "=" => Dirty ? Tilde(version) : SemVersion.Compare(version, Base) == 0,
            "!=" => NotEqual(version),
            ">" => GreaterThan(version),
            "<" => SemVersion.Compare(version, Base) < 0,
            ">=" or "=>" => SemVersion.Compare(version, Base) >= 0,
            "<=" or "=<" => LessThanOrEqual(version),
            "~" or "~>" => Tilde(version),
            "^" => Caret(version),
            _ => throw new InvalidOperationException($"constraint operator \"{OperatorText}\" has no meaning (the grammar admitted it)"),
        };
    }

    private bool NotEqual(SemVersion version)
    {
        if (Dirty)
        {
            if (Base.Major != version.Major)
            {
                return true;
            }
            if (Base.Minor != version.Minor && !MinorDirty)
            {
                return true;
            }
            if (MinorDirty)
            {
                return false;
            }
            if (Base.Patch != version.Patch && !PatchDirty)
            {
                return true;
            }
            if (PatchDirty)
            {
                return (version.IsPrerelease || Base.IsPrerelease)
                    && SemVersion.ComparePrereleases(version.Prerelease, Base.Prerelease) != 0;
            }
        }
        return SemVersion.Compare(version, Base) != 0;
    }

    private bool GreaterThan(SemVersion version)
    {
        if (!Dirty)
        {
            return SemVersion.Compare(version, Base) > 0;
        }
        if (version.Major != Base.Major)
        {
            return version.Major > Base.Major;
        }
        if (MinorDirty)
        {
            // >11 means 12 or above: 11.1.0 is not greater than "11".
            return false;
        }
        if (PatchDirty)
        {
            return version.Minor > Base.Minor;
        }
        return SemVersion.Compare(version, Base) > 0;
    }

    private bool LessThanOrEqual(SemVersion version)
    {
        if (!Dirty)
        {
            return SemVersion.Compare(version, Base) <= 0;
        }
        if (version.Major > Base.Major)
        {
            return false;
        }
        return !(version.Major == Base.Major && version.Minor > Base.Minor && !MinorDirty);
    }

    private bool Tilde(SemVersion version)
    {
        if (SemVersion.Compare(version, Base) < 0)
        {
            return false;
        }
        // ~0.0.0 (and ~*) accept anything at or above the base.
        if (Base.Major == 0 && Base.Minor == 0 && Base.Patch == 0 && !MinorDirty && !PatchDirty)
        {
            return true;
        }
        if (version.Major != Base.Major)
        {
            return false;
        }
        return version.Minor == Base.Minor || MinorDirty;
    }

    private bool Caret(SemVersion version)
    {
        if (SemVersion.Compare(version, Base) < 0)
        {
            return false;
        }
        if (Base.Major > 0 || MinorDirty)
        {
            return version.Major == Base.Major;
        }
        if (version.Major > 0)
        {
            return false;
        }
        if (Base.Minor > 0 || PatchDirty)
        {
            return version.Minor == Base.Minor;
        }
        if (version.Minor > 0)
        {
            return false;
        }
        return version.Patch == Base.Patch;
    }
}
