namespace Barge.Engine.Promotion;

/// <summary>The outcome of reading a file for a step: its text, or (when <see cref="Text"/> is null) why it could not be read.</summary>
internal sealed record FileText(string? Text, string Error);
