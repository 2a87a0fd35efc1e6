namespace Barge.Engine.Promotion.Steps;

/// <summary>The file an update step edits: the bound configuration, the file's full path inside the work directory, and its text.</summary>
internal sealed record FileUpdateTarget(FileUpdates Config, string FullPath, string Text);
