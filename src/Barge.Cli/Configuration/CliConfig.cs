using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barge.Cli.Configuration;

/// <summary>
/// The CLI's own settings in <c>$BARGE_HOME/config.json</c>; today only the default project
/// (<c>barge config set-project</c>), read when a command gets no <c>-p</c>.
/// </summary>
internal sealed record CliConfig(string? Project)
{
    public static readonly CliConfig Empty = new((string?)null);

    /// <summary>Reads the file; a missing file is the empty config, a broken one an error naming the file.</summary>
    public static CliConfig Load(BargeHome home, out string? error)
    {
        ArgumentNullException.ThrowIfNull(home);
        error = null;
        if (!File.Exists(home.ConfigPath))
        {
            return Empty;
        }
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(home.ConfigPath));
            if (node is not JsonObject obj)
            {
                error = $"{home.ConfigPath}: the CLI config must be a JSON object";
                return Empty;
            }
            if (obj["project"] is { } project && project.GetValueKind() != JsonValueKind.String)
            {
                error = $"{home.ConfigPath}: \"project\" must be a string";
                return Empty;
            }
            return new CliConfig(obj["project"]?.GetValue<string>());
        }
        catch (JsonException ex)
        {
            error = $"{home.ConfigPath}: not valid JSON: {ex.Message}";
            return Empty;
        }
    }

    /// <summary>Writes the file atomically (temp file + rename), creating <c>$BARGE_HOME</c> when needed.</summary>
    public void Save(BargeHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        home.EnsureExists();
        var obj = new JsonObject();
        if (Project is not null)
        {
            obj["project"] = Project;
        }
        var temp = home.ConfigPath + ".tmp";
        File.WriteAllText(temp, obj.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, home.ConfigPath, overwrite: true);
    }
}
