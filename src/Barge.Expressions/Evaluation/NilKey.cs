namespace Barge.Expressions.Evaluation;

/// <summary>Stands for a nil key in maps with arbitrary keys (<c>groupBy</c>, <c>fromPairs</c>).</summary>
internal sealed class NilKey
{
    public static readonly NilKey Instance = new();

    private NilKey()
    {
    }

    public override string ToString() => "<nil>";
}
