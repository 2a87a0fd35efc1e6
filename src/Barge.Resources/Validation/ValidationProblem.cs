namespace Barge.Resources.Validation;

/// <summary>One problem found in a resource: the field path (e.g. <c>spec.steps[1].as</c>) and what is wrong.</summary>
/// <param name="Path">The field path; "" for the whole object.</param>
/// <param name="Message">What is wrong, e.g. <c>required</c> or <c>unsupported value "X"; supported values: …</c>.</param>
public sealed record ValidationProblem(string Path, string Message);
