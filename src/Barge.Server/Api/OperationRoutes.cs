using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Barge.Engine.Operations;
using Barge.Server.Auth;
using Barge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Barge.Server.Api;

/// <summary>
/// Approve, re-verify / abort verification, promote downstream (kargo-rest-api.md §4.8, §4.9, §4.13)
/// and the audit history, over the engine's <c>Operations</c> (the same code as the CLI's commands).
/// </summary>
internal static class OperationRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/projects/{project}/freight/{freight}/approve", ApproveAsync).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("freight");
        api.MapPost("/projects/{project}/stages/{stage}/verification", (HttpContext c, string project, string stage, IResourceStore store, TimeProvider time) =>
            VerificationAsync(c, project, stage, abort: false, store, time)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("stages");
        api.MapPost("/projects/{project}/stages/{stage}/verification/abort", (HttpContext c, string project, string stage, IResourceStore store, TimeProvider time) =>
            VerificationAsync(c, project, stage, abort: true, store, time)).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("stages");
        api.MapPost("/projects/{project}/stages/{stage}/promotions/downstream", DownstreamAsync).RequireAccess(Access.Project(ProjectRole.Promoter)).WithTags("promotions");
        api.MapGet("/projects/{project}/history", HistoryAsync).RequireAccess(Access.Project(ProjectRole.Viewer)).WithTags("history");
    }

    private static async Task<IResult> ApproveAsync(HttpContext context, string project, string freight, IResourceStore store, TimeProvider time)
    {
        var stage = context.Request.Query["stage"].ToString();
        if (stage.Length == 0)
        {
            return Problems.Result(ApiError.BadRequest("stage query parameter is required"));
        }
        var result = await new FreightApproval(store, time).ApproveAsync(project, freight, stage, AccessMiddleware.CallerOf(context).Actor, context.RequestAborted);
        return result.Succeeded ? ManifestJson.Empty() : Problems.Result(Error(result.Failure, result.Message));
    }

    private static async Task<IResult> VerificationAsync(HttpContext context, string project, string stage, bool abort, IResourceStore store, TimeProvider time)
    {
        var requests = new StageVerificationRequests(store, time);
        var actor = AccessMiddleware.CallerOf(context).Actor;
        var result = abort
            ? await requests.AbortVerificationAsync(project, stage, actor, context.RequestAborted)
            : await requests.ReverifyAsync(project, stage, actor, context.RequestAborted);
        // Kargo answers 200 with an empty object; Barge adds what was done (the verification's ID, or why nothing changed).
        return result.Succeeded
            ? ManifestJson.Custom(200, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message", result.Message);
                writer.WriteEndObject();
            })
            : Problems.Result(Error(result.Failure, result.Message));
    }

    private static async Task<IResult> DownstreamAsync(HttpContext context, string project, string stage, IResourceStore store, TimeProvider time)
    {
        DownstreamBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DownstreamBody>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problems.Result(ApiError.BadRequest("invalid JSON body: " + ex.Message));
        }
        if (body is null || string.IsNullOrEmpty(body.Freight) == string.IsNullOrEmpty(body.FreightAlias))
        {
            return Problems.Result(ApiError.BadRequest("exactly one of freight or freightAlias must be provided"));
        }
        // The engine resolves the name or alias itself, after the upstream Stage (Kargo's order, and embedded mode's messages).
        using var random = RandomNumberGenerator.Create();
        var result = await new DownstreamPromotion(store, time, random)
            .CreateAsync(project, body.Freight is { Length: > 0 } name ? name : body.FreightAlias!, stage, AccessMiddleware.CallerOf(context).Actor, context.RequestAborted);
        if (!result.Succeeded)
        {
            return Problems.Result(Error(result.Failure, result.Message) with { Errors = result.Errors });
        }
        var created = new List<StoredResource>(result.Promotions.Count);
        foreach (var promotion in result.Promotions)
        {
            if (await store.GetAsync(new ResourceKey("Promotion", project, promotion.Name), context.RequestAborted) is { } stored)
            {
                created.Add(stored);
            }
        }
        return ManifestJson.Custom(result.Errors.Count > 0 ? 207 : 201, writer =>
        {
            writer.WriteStartObject();
            ManifestJson.WriteItems(writer, "promotions", created);
            writer.WriteString("message", result.Message);
            if (result.Errors.Count > 0)
            {
                writer.WriteString("errors", string.Join("\n", result.Errors));
            }
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, string project, IResourceStore store)
    {
        var q = context.Request.Query;
        var errors = new List<string>();
        var query = new AuditQuery
        {
            Project = project,
            Stage = Optional(q["stage"]),
            Origin = Optional(q["origin"]),
            Actor = Optional(q["actor"]),
            Type = Optional(q["type"]),
            Since = Time(q["since"], "since", errors),
            Until = Time(q["until"], "until", errors),
            Limit = Number(q["limit"], "limit", errors) is { } limit ? (int)Math.Clamp(limit, 1, AuditTrail.MaxLimit) : 100,
            Before = Number(q["before"], "before", errors),
        };
        if (errors.Count > 0)
        {
            return Problems.Result(new ApiError(400, errors[0]) { Errors = errors });
        }
        var page = await new AuditTrail(store).QueryAsync(query, context.RequestAborted);
        return Results.Json(new { items = page.Items, nextBefore = page.NextBefore }, Json);
    }

    private static ApiError Error(OperationFailure failure, string message) => (failure switch
    {
        OperationFailure.NotFound => ApiError.NotFound(message),
        OperationFailure.Conflict => ApiError.Conflict(message),
        _ => ApiError.BadRequest(message),
    }) with { Reason = failure.ToString() };

    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? Time(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }
        errors.Add($"{name} \"{value}\": expected an RFC 3339 time such as 2026-01-02T15:04:05Z");
        return null;
    }

    private static long? Number(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add($"{name} \"{value}\": expected a non-negative number");
        return null;
    }

    private sealed record DownstreamBody(string? Freight, string? FreightAlias);
}
