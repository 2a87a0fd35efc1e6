using System.Runtime.CompilerServices;

namespace Barge.Expressions.Evaluation;

/// <summary>Stack storage for up to eight call arguments, so calling a builtin allocates no array.</summary>
[InlineArray(8)]
internal struct ArgumentBuffer
{
    private object? _element;
}
