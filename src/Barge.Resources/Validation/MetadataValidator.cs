using System.Text.RegularExpressions;
using Barge.Resources.Manifests;
using Barge.Resources.Model;

namespace Barge.Resources.Validation;

/// <summary>Names, project scope, labels and annotations, as the Kubernetes API server checks them.</summary>
internal static partial class MetadataValidator
{
    public static void Validate(Resource resource, ResourceKind kind, Problems problems)
    {
        var meta = resource.Metadata;
        if (kind.ClrType != typeof(Freight))
        {
            problems.Required("metadata.name", meta.Name);
        }
        if (kind.ClrType == typeof(Project))
        {
            problems.Dns1123Label("metadata.name", meta.Name);
        }
        else if (kind.ClrType != typeof(Freight))
        {
            // A Freight's name is always replaced by its computed ID, so whatever was written does not matter.
            problems.Dns1123Subdomain("metadata.name", meta.Name);
        }
        if (kind.Namespaced)
        {
            if (string.IsNullOrEmpty(meta.Namespace))
            {
                problems.Add("metadata.namespace", $"required: a {kind.Name} belongs to a project");
            }
            problems.Dns1123Label("metadata.namespace", meta.Namespace);
        }
        else if (!string.IsNullOrEmpty(meta.Namespace))
        {
            problems.Add("metadata.namespace", $"must be empty: {kind.Name} is cluster-scoped, not part of a project");
        }
        foreach (var (key, value) in meta.Labels ?? [])
        {
            var path = FieldPath.Child("metadata.labels", key);
            QualifiedName(path, key, problems);
            if (value.Length > 63 || (value.Length > 0 && !LabelValuePattern().IsMatch(value)))
            {
                problems.Add(path, $"invalid label value \"{value}\": at most 63 characters, letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
            }
        }
        foreach (var key in (meta.Annotations ?? []).Keys)
        {
            QualifiedName(FieldPath.Child("metadata.annotations", key), key, problems);
        }
    }

    private static void QualifiedName(string path, string key, Problems problems)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        var ok = name.Length is > 0 and <= 63 && LabelValuePattern().IsMatch(name)
            && (prefix is null || (prefix.Length is > 0 and <= 253 && PrefixPattern().IsMatch(prefix)));
        if (!ok)
        {
            problems.Add(path, $"invalid key \"{key}\": expected an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
