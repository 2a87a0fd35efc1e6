namespace Barge.Resources.Model;

/// <summary>A kind Barge stores: its apiVersion, CLR type, scope and CLI names.</summary>
/// <param name="Name">The kind, e.g. <c>Warehouse</c>.</param>
/// <param name="ApiVersion">The apiVersion documents of this kind carry.</param>
/// <param name="ClrType">The model record.</param>
/// <param name="Namespaced">True when objects live in a project; false for cluster-scoped kinds.</param>
/// <param name="Plural">The lower-case plural the CLI and REST API use, e.g. <c>warehouses</c>.</param>
/// <param name="ShortNames">Other accepted CLI names.</param>
public sealed record ResourceKind(string Name, string ApiVersion, Type ClrType, bool Namespaced, string Plural, IReadOnlyList<string> ShortNames);
