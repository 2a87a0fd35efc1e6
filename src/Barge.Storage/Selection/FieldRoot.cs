namespace Barge.Storage.Selection;

/// <summary>Which JSON document of a resource a field filter reads.</summary>
public enum FieldRoot
{
    Spec,
    Status,
}
