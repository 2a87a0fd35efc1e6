using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>How a git subscription selects commits.</summary>
[JsonConverter(typeof(KargoEnumConverter<CommitSelectionStrategy>))]
public enum CommitSelectionStrategy
{
    /// <summary>The newest commit on a branch.</summary>
    NewestFromBranch,

    /// <summary>The tag with the highest semantic version.</summary>
    SemVer,

    /// <summary>The lexically greatest tag.</summary>
    Lexical,

    /// <summary>The most recently created tag.</summary>
    NewestTag,
}
