namespace Barge.Expressions;

/// <summary>
/// A function supplied by the host (Kargo's <c>warehouse(name)</c>, <c>commitFrom(url, origin?)</c>…).
/// A host function takes precedence over a builtin of the same name, as in expr; its arguments are
/// checked at call time against <see cref="Parameters"/>, and failures name the function and the
/// parameter.
/// </summary>
public sealed record HostFunction(string Name, IReadOnlyList<HostParameter> Parameters, HostFunctionBody Body)
{
    /// <summary>How many leading parameters must be given.</summary>
    public int RequiredCount
    {
        get
        {
            var count = 0;
            foreach (var parameter in Parameters)
            {
                if (parameter.Optional)
                {
                    break;
                }
                count++;
            }
            return count;
        }
    }
}
