using Barge.Server.Auth;

namespace Barge.Server.Ui;

/// <summary>The caller behind a UI request: the same <see cref="Caller"/> the API sees, and its session.</summary>
internal sealed record UiUser(Caller Caller, UiSession Session);
