using System.Text.Json.Serialization;

namespace Barge.Resources.Model;

/// <summary>Whether a Warehouse creates Freight on its own.</summary>
[JsonConverter(typeof(KargoEnumConverter<FreightCreationPolicy>))]
public enum FreightCreationPolicy
{
    /// <summary>Create Freight whenever discovery finds a new combination of artifacts.</summary>
    Automatic,

    /// <summary>Never create Freight automatically.</summary>
    Manual,
}
