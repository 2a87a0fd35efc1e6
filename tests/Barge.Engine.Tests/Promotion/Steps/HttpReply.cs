namespace Barge.Engine.Tests.Promotion.Steps;

/// <summary>
/// What <see cref="LocalHttpServer"/> answers. <see cref="DeclaredLength"/> overrides the
/// Content-Length header (to lie about the size; negative: no header, the body ends with the connection); <see cref="Delay"/> holds the answer back; <see cref="RepeatBodyBytes"/> zero bytes follow the body.
/// </summary>
internal sealed record HttpReply(
    int Status,
    string Body = "",
    string? ContentType = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    long? DeclaredLength = null,
    TimeSpan Delay = default,
    long RepeatBodyBytes = 0);
