using System.Text.Json;
using Barge.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// API tokens, system-admin only: <c>POST /v1beta1/system/api-tokens</c> with
/// <c>{"name":"ci","roles":["promoter@grommet"]}</c> answers 201 with the token (shown once);
/// <c>GET</c> lists names and roles; <c>DELETE …/{name}</c> revokes.
/// </summary>
internal static class TokenRoutes
{
    private static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/system/api-tokens", CreateAsync).RequireAccess(Access.SystemAdmin).WithTags("api-tokens");
        api.MapGet("/system/api-tokens", ListAsync).RequireAccess(Access.SystemAdmin).WithTags("api-tokens");
        api.MapGet("/system/api-tokens/{name}", GetAsync).RequireAccess(Access.SystemAdmin).WithTags("api-tokens");
        api.MapDelete("/system/api-tokens/{name}", RevokeAsync).RequireAccess(Access.SystemAdmin).WithTags("api-tokens");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ApiTokens tokens)
    {
        TokenRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<TokenRequest>(context.Request.Body, Lenient, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problems.Result(ApiError.BadRequest("invalid JSON body: " + ex.Message));
        }
        if (request is null || string.IsNullOrEmpty(request.Name))
        {
            return Problems.Result(ApiError.BadRequest("name should not be empty"));
        }
        var roles = new List<RoleBinding>();
        var errors = new List<string>();
        foreach (var text in request.Roles ?? [])
        {
            if (RoleBinding.TryParse(text, out var binding, out var error))
            {
                roles.Add(binding);
            }
            else
            {
                errors.Add(error);
            }
        }
        if (errors.Count > 0)
        {
            return Problems.Result(new ApiError(400, errors[0]) { Errors = errors });
        }
        var created = await tokens.CreateAsync(request.Name, roles, AccessMiddleware.CallerOf(context).Actor, context.RequestAborted);
        if (created.Token is null)
        {
            return Problems.Result(new ApiError(created.IsConflict ? 409 : 400, created.Errors[0]) { Errors = created.Errors });
        }
        return ManifestJson.Custom(201, writer =>
        {
            WriteToken(writer, created.Token, created.Value);
        });
    }

    private static async Task<IResult> ListAsync(HttpContext context, ApiTokens tokens)
    {
        var list = await tokens.ListAsync(context.RequestAborted);
        return ManifestJson.Custom(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var token in list)
            {
                WriteToken(writer, token, null);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, string name, ApiTokens tokens)
    {
        var token = (await tokens.ListAsync(context.RequestAborted)).FirstOrDefault(t => t.Name == name);
        return token is null
            ? Problems.Result(ApiError.NotFound($"API token \"{name}\" not found"))
            : ManifestJson.Custom(200, writer => WriteToken(writer, token, null));
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, string name, ApiTokens tokens) =>
        await tokens.RevokeAsync(name, context.RequestAborted)
            ? Results.NoContent()
            : Problems.Result(ApiError.NotFound($"API token \"{name}\" not found"));

    private static void WriteToken(Utf8JsonWriter writer, ApiToken token, string? value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", token.Name);
        writer.WriteStartArray("roles");
        foreach (var role in token.Roles)
        {
            writer.WriteStringValue(role.ToString());
        }
        writer.WriteEndArray();
        writer.WriteString("createdBy", token.CreatedBy);
        writer.WriteString("createdAt", token.CreatedAt);
        if (value is not null)
        {
            writer.WriteString("token", value);
        }
        writer.WriteEndObject();
    }

    private sealed record TokenRequest(string? Name, IReadOnlyList<string>? Roles);
}
