using System.Text.RegularExpressions;
using Barge.Resources.Manifests;

namespace Barge.Resources.Validation;

/// <summary>Collects every problem of one resource, with the checks the kinds share.</summary>
internal sealed partial class Problems
{
    private readonly List<ValidationProblem> items = [];

    public IReadOnlyList<ValidationProblem> Items => items;

    public void Add(string path, string message) => items.Add(new ValidationProblem(path, message));

    public bool Required(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(path, "required");
            return false;
        }
        return true;
    }

    public bool Required<T>(string path, T? value)
        where T : class
    {
        if (value is null)
        {
            Add(path, "required");
            return false;
        }
        return true;
    }

    public void MinItems<T>(string path, IReadOnlyCollection<T>? list, int min = 1)
    {
        if ((list?.Count ?? 0) < min)
        {
            Add(path, $"must have at least {min} item{(min == 1 ? "" : "s")}");
        }
    }

    public void Duration(string path, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !DurationPattern().IsMatch(value))
        {
            Add(path, $"invalid duration \"{value}\": expected a Go duration such as 30s, 5m or 1h30m (pattern ^([0-9]+(\\.[0-9]+)?(s|m|h))+$)");
        }
    }

    public void Dns1123Subdomain(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.Length > 253 || !SubdomainPattern().IsMatch(value))
        {
            Add(path, $"invalid name \"{value}\": must be a lowercase RFC 1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)");
        }
    }

    public void Dns1123Label(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.Length > 63 || !LabelPattern().IsMatch(value))
        {
            Add(path, $"invalid name \"{value}\": must be a lowercase RFC 1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        }
    }

    public void Regex(string path, string? pattern)
    {
        if (pattern is null)
        {
            return;
        }
        try
        {
            // Kargo's regexes are Go RE2; its named-group syntax (?P<name>…) is spelled (?<name>…) in .NET.
            _ = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            Add(path, $"invalid regular expression \"{pattern}\": {e.Message}");
        }
    }

    public void Regexes(string path, IReadOnlyList<string>? patterns)
    {
        for (var i = 0; i < (patterns?.Count ?? 0); i++)
        {
            Regex(FieldPath.Item(path, i), patterns![i]);
        }
    }

    public void Enum(string path, string? value, params string[] supported)
    {
        if (value is not null && !supported.Contains(value, StringComparer.Ordinal))
        {
            Add(path, $"unsupported value \"{value}\"; supported values: {string.Join(", ", supported.Select(s => "\"" + s + "\""))}");
        }
    }

    public void SemverConstraint(string path, string? constraint)
    {
        if (!string.IsNullOrEmpty(constraint) && !Versioning.SemVerConstraints.TryParse(constraint, out _, out var error))
        {
            Add(path, $"invalid semver constraint \"{constraint}\": {error}");
        }
    }

    public void OriginKind(string path, string? kind)
    {
        if (Required(path, kind))
        {
            Enum(path, kind, Model.FreightOrigin.WarehouseKind);
        }
    }

    public void Range(string path, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(path, $"must be between {min} and {max}, got {v}");
        }
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
