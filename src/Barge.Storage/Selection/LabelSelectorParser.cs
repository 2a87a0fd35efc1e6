namespace Barge.Storage.Selection;

/// <summary>
/// Kubernetes label selector syntax (k8s.io/apimachinery labels.Parse): <c>k=v</c>, <c>k==v</c>,
/// <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, joined by commas.
/// </summary>
internal sealed class LabelSelectorParser(string text)
{
    private int _pos;

    public List<LabelRequirement>? Parse(out string? error)
    {
        var requirements = new List<LabelRequirement>();
        error = null;
        SkipSpaces();
        if (_pos == text.Length)
        {
            return requirements;
        }
        while (true)
        {
            var requirement = ParseRequirement(out error);
            if (requirement is null)
            {
                return null;
            }
            var problem = Check(requirement);
            if (problem is not null)
            {
                error = $"label selector \"{text}\": {problem}";
                return null;
            }
            requirements.Add(requirement);
            SkipSpaces();
            if (_pos == text.Length)
            {
                return requirements;
            }
            if (text[_pos] != ',')
            {
                error = Error("expected ',' or end of selector");
                return null;
            }
            _pos++;
            SkipSpaces();
        }
    }

    /// <summary>Key and value syntax of Kubernetes labels; null when valid.</summary>
    public static string? Check(LabelRequirement requirement)
    {
        var keyProblem = CheckKey(requirement.Key);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var expected = requirement.Operator switch
        {
            LabelOperator.Equals or LabelOperator.NotEquals => (1, 1),
            LabelOperator.In or LabelOperator.NotIn => (1, int.MaxValue),
            _ => (0, 0),
        };
        if (requirement.Values.Count < expected.Item1 || requirement.Values.Count > expected.Item2)
        {
            return $"operator {requirement.Operator} on key \"{requirement.Key}\" takes "
                + (expected.Item2 == 0 ? "no values" : expected.Item2 == 1 ? "exactly one value" : "at least one value");
        }
        foreach (var value in requirement.Values)
        {
            if (!IsLabelValue(value))
            {
                return $"invalid label value \"{value}\" for key \"{requirement.Key}\": at most 63 characters, alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
            }
        }
        return null;
    }

    private LabelRequirement? ParseRequirement(out string? error)
    {
        error = null;
        if (_pos == text.Length)
        {
            error = Error("expected a label key");
            return null;
        }
        if (text[_pos] == '!')
        {
            _pos++;
            SkipSpaces();
            var negated = ReadWord();
            if (negated.Length == 0)
            {
                error = Error("expected a label key after '!'");
                return null;
            }
            return new LabelRequirement(negated, LabelOperator.DoesNotExist, []);
        }
        var key = ReadWord();
        if (key.Length == 0)
        {
            error = Error("expected a label key");
            return null;
        }
        SkipSpaces();
        if (_pos == text.Length || text[_pos] == ',')
        {
            return new LabelRequirement(key, LabelOperator.Exists, []);
        }
        if (Take("==") || Take("="))
        {
            return SingleValue(key, LabelOperator.Equals, out error);
        }
        if (Take("!="))
        {
            return SingleValue(key, LabelOperator.NotEquals, out error);
        }
        var word = ReadWord();
        var op = word switch
        {
            "in" => LabelOperator.In,
            "notin" => LabelOperator.NotIn,
            _ => (LabelOperator?)null,
        };
        if (op is null)
        {
            _pos -= word.Length;
            error = Error($"expected '=', '==', '!=', 'in' or 'notin' after key \"{key}\"");
            return null;
        }
        SkipSpaces();
        if (!Take("("))
        {
            error = Error($"expected '(' after '{word}'");
            return null;
        }
        var values = new List<string>();
        while (true)
        {
            SkipSpaces();
            values.Add(ReadWord());
            SkipSpaces();
            if (Take(")"))
            {
                break;
            }
            if (!Take(","))
            {
                error = Error("expected ',' or ')' in value list");
                return null;
            }
        }
        return new LabelRequirement(key, op.Value, values);
    }

    private LabelRequirement SingleValue(string key, LabelOperator op, out string? error)
    {
        error = null;
        SkipSpaces();
        return new LabelRequirement(key, op, [ReadWord()]);
    }

    private string ReadWord()
    {
        var start = _pos;
        while (_pos < text.Length && !char.IsWhiteSpace(text[_pos]) && text[_pos] is not (',' or '=' or '!' or '(' or ')'))
        {
            _pos++;
        }
        return text[start.._pos];
    }

    private bool Take(string token)
    {
        if (string.CompareOrdinal(text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }
        return false;
    }

    private void SkipSpaces()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }

    private string Error(string what) => $"label selector \"{text}\" at column {_pos + 1}: {what}";

    private static string? CheckKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0 || prefix.Length > 253 || !prefix.Split('.').All(IsDnsLabel))
            {
                return $"invalid label key \"{key}\": the prefix must be a DNS subdomain";
            }
        }
        if (name.Length == 0 || name.Length > 63 || !IsLabelValue(name))
        {
            return $"invalid label key \"{key}\": the name must be 1-63 characters, alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
        }
        return null;
    }

    private static bool IsLabelValue(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }
        if (value.Length > 63 || !char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
        {
            return false;
        }
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }

    private static bool IsDnsLabel(string label) =>
        label.Length is > 0 and <= 63
        && (char.IsAsciiLetterLower(label[0]) || char.IsAsciiDigit(label[0]))
        && (char.IsAsciiLetterLower(label[^1]) || char.IsAsciiDigit(label[^1]))
        && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
