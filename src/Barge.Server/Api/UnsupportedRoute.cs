using Barge.Server.Auth;

namespace Barge.Server.Api;

/// <summary>A Kargo route Barge does not serve yet: method, template under <c>/v1beta1</c>, access policy and why.</summary>
internal sealed record UnsupportedRoute(string Method, string Template, Access Access, string Reason);
