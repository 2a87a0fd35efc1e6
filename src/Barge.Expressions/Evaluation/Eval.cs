namespace Barge.Expressions.Evaluation;

/// <summary>One compiled node: evaluates it in a frame.</summary>
internal delegate object? Eval(Frame frame);
