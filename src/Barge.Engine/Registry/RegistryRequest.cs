namespace Barge.Engine.Registry;

/// <summary>One request to a registry, with what it is for and how big its answer may be.</summary>
internal sealed record RegistryRequest(
    HttpMethod Method,
    Uri Uri,
    ImageRepository Repository,
    RegistryAccess Access,
    RegistryRequestKind Kind,
    string What,
    long MaxBytes,
    IReadOnlyList<string>? Accept = null);
