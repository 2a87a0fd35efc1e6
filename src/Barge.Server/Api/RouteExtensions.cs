using Barge.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Barge.Server.Api;

/// <summary>Small helpers the route tables share.</summary>
internal static class RouteExtensions
{
    /// <summary>Attaches the route's access policy (every route has one; see <see cref="Access"/>).</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Access access)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(access);
        return builder;
    }

    /// <summary>Kargo's boolean query flags compare to the exact string <c>true</c>.</summary>
    public static bool Flag(this HttpRequest request, string name) => request.Query[name].ToString() == "true";

    /// <summary>An array parameter in both forms clients send: repeated keys and comma-joined values.</summary>
    public static IReadOnlyList<string> Values(this HttpRequest request, string name)
    {
        var given = request.Query[name];
        // Most list requests carry no filter: no LINQ pipeline for them.
        return given.Count == 0
            ? []
            : given.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
    }

    public static IResult ToResult<T>(this ApiOutcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.Succeeded ? onSuccess(outcome.Value) : Problems.Result(outcome.Error);
}
