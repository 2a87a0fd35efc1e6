using Barge.Expressions;
using Barge.Resources.Versioning;

namespace Barge.Engine.Templating;

/// <summary>
/// Kargo's expression functions (kargo-spec §3.3) bound to one Promotion run. The sets follow Kargo's
/// evaluator: Promotion and step <c>vars</c> get Freight, Data and Utility; <c>if</c> and
/// <c>config</c> also get Status, which reads <see cref="Scope"/>.
/// </summary>
internal sealed class KargoFunctions
{
    private readonly FreightFinder _finder;
    private readonly ProjectData _data;

    public KargoFunctions(PromotionFacts facts, ProjectData data)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(data);
        _finder = new FreightFinder(facts);
        _data = data;
        WithoutStatus = FunctionRegistry.Create([.. Freight(), .. Data(), .. Utility()]);
        All = FunctionRegistry.Create([.. Freight(), .. Data(), .. Utility(), .. Status()]);
    }

    /// <summary>The step whose <c>if</c> or <c>config</c> is being evaluated.</summary>
    public StepScope Scope { get; } = new();

    /// <summary>Freight, Data and Utility functions (for vars).</summary>
    public FunctionRegistry WithoutStatus { get; }

    /// <summary>Every function (for <c>if</c> and config).</summary>
    public FunctionRegistry All { get; }

    private static readonly HostParameter OriginParameter = new("origin", ArgumentKind.Object, Optional: true, ClrType: typeof(ExprFreightOrigin));

    private IEnumerable<HostFunction> Freight()
    {
        yield return new HostFunction("warehouse", [new HostParameter("name", ArgumentKind.String)], args =>
        {
            var name = (string)args[0]!;
            return name.Length == 0 ? throw new ExpressionFunctionException("name must not be empty") : new ExprFreightOrigin("Warehouse", name);
        });
        yield return new HostFunction("commitFrom", [new HostParameter("repoURL", ArgumentKind.String), OriginParameter],
            args => _finder.Commit((string)args[0]!, args.Length > 1 ? (ExprFreightOrigin?)args[1] : null));
        yield return new HostFunction("imageFrom", [new HostParameter("repoURL", ArgumentKind.String), OriginParameter],
            args => _finder.Image((string)args[0]!, args.Length > 1 ? (ExprFreightOrigin?)args[1] : null));
        yield return new HostFunction(
            "chartFrom",
            [new HostParameter("repoURL", ArgumentKind.String), new HostParameter("chartNameOrOrigin", ArgumentKind.Any, Optional: true), new HostParameter("origin", ArgumentKind.Any, Optional: true)],
            ChartFrom);
        yield return new HostFunction("artifactFrom", [new HostParameter("subscriptionName", ArgumentKind.String), OriginParameter],
            args => _finder.Artifact((string)args[0]!, args.Length > 1 ? (ExprFreightOrigin?)args[1] : null));
    }

    private ExprChart? ChartFrom(ReadOnlySpan<object?> args)
    {
        var repoURL = (string)args[0]!;
        switch (args.Length)
        {
            case 1:
                return _finder.Chart(repoURL, "", null);
            case 2 when args[1] is string name:
                return _finder.Chart(repoURL, name, null);
            case 2 when args[1] is ExprFreightOrigin origin:
                return _finder.Chart(repoURL, "", origin);
            case 2:
                throw new ExpressionFunctionException("chartFrom: second argument must be a chart name (string) or a Freight origin (warehouse(…))");
            default:
                if (args[1] is not string chartName)
                {
                    throw new ExpressionFunctionException("chartFrom: second argument must be a chart name (string) when three arguments are given");
                }
                if (args[2] is not ExprFreightOrigin chartOrigin)
                {
                    throw new ExpressionFunctionException("chartFrom: third argument must be a Freight origin (warehouse(…))");
                }
                return _finder.Chart(repoURL, chartName, chartOrigin);
        }
    }

    private IEnumerable<HostFunction> Data()
    {
        yield return new HostFunction("freightMetadata", [new HostParameter("freightName", ArgumentKind.String)],
            args => NonEmpty(args[0], "freight ref name must not be empty") is var name ? _data.FreightMetadata(name) : null);
        yield return new HostFunction("freightStatus", [new HostParameter("freightName", ArgumentKind.String)],
            args => NonEmpty(args[0], "freight ref name must not be empty") is var name ? _data.FreightStatus(name) : null);
        yield return new HostFunction("stageMetadata", [new HostParameter("stageName", ArgumentKind.String)],
            args => NonEmpty(args[0], "stage name must not be empty") is var name ? _data.StageMetadata(name) : null);
        yield return new HostFunction("configMap", [new HostParameter("name", ArgumentKind.String)], args => _data.ConfigMap((string)args[0]!));
        yield return new HostFunction("secret", [new HostParameter("name", ArgumentKind.String)], args => _data.Secret((string)args[0]!));
    }

    private static IEnumerable<HostFunction> Utility()
    {
        yield return new HostFunction("semverDiff", [new HostParameter("a", ArgumentKind.String), new HostParameter("b", ArgumentKind.String)],
            args => SemverDiff((string)args[0]!, (string)args[1]!));
        yield return new HostFunction("semverParse", [new HostParameter("version", ArgumentKind.String)], args =>
        {
            var text = (string)args[0]!;
            return SemVersion.TryParse(text, out var version, out var error)
                ? new ExprSemVersion(version)
                : throw new ExpressionFunctionException($"invalid semantic version: {error}");
        });
    }

    private IEnumerable<HostFunction> Status()
    {
        yield return new HostFunction("always", [], _ => true);
        yield return new HostFunction("failure", [], _ => Scope.AnyFailure());
        yield return new HostFunction("success", [], _ => !Scope.AnyFailure());
        yield return new HostFunction("status", [new HostParameter("alias", ArgumentKind.String)], args => Scope.StatusOf((string)args[0]!));
    }

    /// <summary>Masterminds-based <c>semverDiff</c>: major, minor, patch, then metadata; prerelease is ignored.</summary>
    internal static string SemverDiff(string a, string b)
    {
        if (!SemVersion.TryParse(a, out var left) || !SemVersion.TryParse(b, out var right))
        {
            return "Incomparable";
        }
        if (left.Major != right.Major)
        {
            return "Major";
        }
        if (left.Minor != right.Minor)
        {
            return "Minor";
        }
        if (left.Patch != right.Patch)
        {
            return "Patch";
        }
        return left.Metadata != right.Metadata ? "Metadata" : "None";
    }

    private static string NonEmpty(object? value, string error)
    {
        var text = (string)value!;
        return text.Length == 0 ? throw new ExpressionFunctionException(error) : text;
    }
}
