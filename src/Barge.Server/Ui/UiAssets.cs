using Microsoft.AspNetCore.Http;

namespace Barge.Server.Ui;

/// <summary>The UI's one script and one stylesheet, embedded in the assembly; nothing comes from elsewhere.</summary>
internal static class UiAssets
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        ["app.js"] = ("text/javascript; charset=utf-8", Load("app.js")),
        ["app.css"] = ("text/css; charset=utf-8", Load("app.css")),
    };

    public static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("Barge.Server.Ui.Assets." + name)
            ?? throw new InvalidOperationException($"embedded UI asset {name} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
