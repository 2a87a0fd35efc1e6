namespace Barge.Cli.Configuration;

/// <summary>The DNS-1123 label rule project names follow (a project is a Kubernetes namespace in Kargo).</summary>
internal static class DnsNames
{
    public const string LabelRule = "a DNS-1123 label must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters";

    public static bool IsLabel(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 63 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
