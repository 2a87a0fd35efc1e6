namespace Barge.Expressions;

/// <summary>
/// One parameter of a <see cref="HostFunction"/>. <see cref="Name"/> appears in error messages;
/// <see cref="ClrType"/> is required for <see cref="ArgumentKind.Object"/> and ignored otherwise;
/// an <see cref="Optional"/> parameter may be left out (only trailing ones). Nil is accepted only by
/// <see cref="ArgumentKind.Any"/> unless <see cref="Nullable"/> is true.
/// </summary>
public sealed record HostParameter(string Name, ArgumentKind Kind, bool Optional = false, Type? ClrType = null, bool Nullable = false);
