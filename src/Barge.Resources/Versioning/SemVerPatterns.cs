using System.Text.RegularExpressions;

namespace Barge.Resources.Versioning;

/// <summary>
/// The constraint grammar of Masterminds/semver v3 as regular expressions. Go's <c>\s</c> is ASCII
/// whitespace only and its <c>$</c> is the true end of input, hence the explicit class and <c>\z</c>.
/// Alternation order matters (the operator list has an empty alternative between <c>=</c> and
/// <c>!=</c>); .NET's backtracking engine picks the same match Go's leftmost-first engine does.
/// </summary>
internal static partial class SemVerPatterns
{
    private const string Space = @"[\t\n\f\r ]";
    private const string Operators = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

    // A version inside a constraint: the part characters also admit '|' because upstream writes the
    // class as [0-9|x|X|\*]; such a part then fails the version parse ("constraint parser error").
    private const string ConstraintVersion =
        @"v?[0-9|xX*]+(?:\.[0-9|xX*]+)?(?:\.[0-9|xX*]+)?" +
        @"(?:-[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*)?" +
        @"(?:\+[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*)?";

    private const string TermPattern =
        "^" + Space + "*(?<op>" + Operators + ")" + Space + "*" +
        @"(?<version>v?(?<major>[0-9|xX*]+)(?<minor>\.[0-9|xX*]+)?(?<patch>\.[0-9|xX*]+)?" +
        @"(?<pre>-[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*)?" +
        @"(?:\+[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*)?)" + Space + @"*\z";

    private const string RangePattern =
        Space + "*(?<from>" + ConstraintVersion + ")" + Space + "+-" + Space + "+(?<to>" + ConstraintVersion + ")" + Space + "*";

    private const string FindTermPattern = "(?:" + Operators + ")" + Space + "*(?:" + ConstraintVersion + ")";

    private const string ValidGroupPattern =
        "^(?:" + Space + "*(?:" + Operators + ")" + Space + "*(?:" + ConstraintVersion + ")" + Space + "*)" +
        "(?:(?:" + Space + "+|," + Space + "*)(?:" + Operators + ")" + Space + "*(?:" + ConstraintVersion + ")" + Space + @"*)*\z";

    /// <summary>
    /// Whether a whole OR-group is well formed. Only membership matters here, so the linear-time
    /// engine is used: the backtracking one is exponential on long runs of spaces between terms.
    /// </summary>
    public static readonly Regex ValidGroup = new(ValidGroupPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>One term, anchored: operator and version with its parts as named groups.</summary>
    [GeneratedRegex(TermPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Term();

    /// <summary>The terms of a validated group, found left to right.</summary>
    [GeneratedRegex(FindTermPattern, RegexOptions.CultureInvariant)]
    public static partial Regex FindTerm();

    /// <summary>A hyphen range <c>A - B</c> (whitespace on both sides of the dash).</summary>
    [GeneratedRegex(RangePattern, RegexOptions.CultureInvariant)]
    public static partial Regex Range();
}
