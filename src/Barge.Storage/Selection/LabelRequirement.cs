namespace Barge.Storage.Selection;

/// <summary>One requirement of a label selector; all requirements of a selector must hold.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">How the key and values are tested.</param>
/// <param name="Values">One value for (Not)Equals, one or more for (Not)In, none for (Does Not)Exist.</param>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether a label set satisfies this requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals => has && value == Values[0],
            LabelOperator.NotEquals => !has || value != Values[0],
            LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            _ => throw new InvalidOperationException($"unknown label operator {Operator}"),
        };
    }

    /// <summary>The requirement in selector syntax.</summary>
    public override string ToString() => Operator switch
    {
        LabelOperator.Equals => $"{Key}={string.Join(',', Values)}",
        LabelOperator.NotEquals => $"{Key}!={string.Join(',', Values)}",
        LabelOperator.In => $"{Key} in ({string.Join(',', Values)})",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => "!" + Key,
        _ => Operator.ToString(),
    };
}
