using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Cli.Configuration;

namespace Barge.Cli.Remote;

/// <summary>
/// What <c>barge login</c> stores in <c>$BARGE_HOME/config</c>: the server URL and its bearer token.
/// The file is created with mode 0600 from the start (a temp file opened 0600, then renamed over the
/// old one), so the token is never readable by others, not even for a moment.
/// </summary>
internal sealed record RemoteConfig(Uri Server, string Token)
{
    public const string FileName = "config";

    public static string PathIn(BargeHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return System.IO.Path.Combine(home.Path, FileName);
    }

    /// <summary>The stored login; null when there is none. A broken file is an error naming it.</summary>
    public static RemoteConfig? Load(BargeHome home, out string? error)
    {
        error = null;
        var path = PathIn(home);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject obj
                || obj["server"] is not JsonValue serverValue || !serverValue.TryGetValue<string>(out var serverText)
                || obj["token"] is not JsonValue tokenValue || !tokenValue.TryGetValue<string>(out var token) || token.Length == 0)
            {
                error = $"{path}: expected {{\"server\": URL, \"token\": TOKEN}} as `barge login` writes it; run `barge login` again";
                return null;
            }
            if (!ServerUrl.TryParse(serverText, out var server, out var urlError))
            {
                error = $"{path}: {urlError}; run `barge login` again";
                return null;
            }
            return new RemoteConfig(server, token);
        }
        catch (JsonException ex)
        {
            error = $"{path}: not valid JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>Writes the file atomically with mode 0600, creating <c>$BARGE_HOME</c> when needed.</summary>
    public void Save(BargeHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        home.EnsureExists();
        var path = PathIn(home);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var text = new JsonObject { ["server"] = ServerUrl.Format(Server), ["token"] = Token }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        try
        {
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
