namespace Barge.Engine.Registry;

/// <summary>What a registry request is for; it chooses the counter and names the object in errors.</summary>
internal enum RegistryRequestKind
{
    TagList,
    ManifestGet,
    ManifestHead,
    BlobGet,
    Token,
}
