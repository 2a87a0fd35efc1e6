using System.Text.Json.Nodes;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// The identity git steps commit with. <see cref="Default"/> is Barge's system identity, used when
/// neither the step nor the composition root names one. Commit signing is not built: a non-empty
/// <c>signingKey</c> is reported as not supported rather than silently ignored.
/// </summary>
internal sealed record GitAuthor(string Name, string Email)
{
    public static GitAuthor Default { get; } = new("Barge", "no-reply@barge.local");

    /// <summary>
    /// Binds the optional <c>author</c> object of a step configuration (<c>{name*, email*, signingKey}</c>),
    /// recording schema violations under <paramref name="field"/>; null when absent or invalid.
    /// </summary>
    public static GitAuthor? Bind(ConfigObject parent, string field)
    {
        if (!parent.Json.TryGetPropertyValue(field, out var node))
        {
            return null;
        }
        if (node is not JsonObject json)
        {
            parent.Errors.Add(parent.Field(field), "Invalid type. Expected: object, given: " + ConfigObject.TypeName(node));
            return null;
        }
        var author = new ConfigObject(json, parent.Field(field), parent.Errors);
        author.AllowOnly("name", "email", "signingKey");
        author.Require("name", "email");
        var name = author.String("name", minLength: 1);
        var email = author.String("email");
        if (email is not null && !IsEmail(email))
        {
            parent.Errors.Add(author.Field("email"), "Does not match format 'email'");
        }
        var signingKey = author.String("signingKey");
        if (!string.IsNullOrEmpty(signingKey))
        {
            parent.Errors.Add(author.Field("signingKey"), "commit signing is not supported by Barge");
        }
        return name is null || email is null ? null : new GitAuthor(name, email);
    }

    /// <summary>The shape JSON Schema's <c>email</c> format accepts: one <c>@</c> between a non-empty local part and domain, no spaces.</summary>
    private static bool IsEmail(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1
            && !text.Any(char.IsWhiteSpace)
            && text.IndexOf('@', StringComparison.Ordinal) == at
            && !text[(at + 1)..].StartsWith('.') && !text.EndsWith('.');
    }
}
