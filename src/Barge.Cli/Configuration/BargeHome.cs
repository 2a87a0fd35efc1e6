namespace Barge.Cli.Configuration;

/// <summary>
/// The embedded mode's state folder: <c>$BARGE_HOME</c>, default <c>~/.barge</c>. It holds the
/// store (<c>barge.db</c>), the CLI settings (<c>config.json</c>) and, for later commands,
/// <c>cache/</c>, <c>work/</c> and <c>keys/</c>. Nothing is created until a command writes.
/// </summary>
internal sealed record BargeHome(string Path)
{
    public const string EnvironmentVariable = "BARGE_HOME";

    public string DatabasePath => System.IO.Path.Combine(Path, "barge.db");

    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");

    public static BargeHome From(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new BargeHome(System.IO.Path.GetFullPath(fromEnvironment));
        }
        var userHome = environment("HOME");
        if (string.IsNullOrWhiteSpace(userHome))
        {
            userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }
        return new BargeHome(System.IO.Path.Combine(userHome, ".barge"));
    }

    public void EnsureExists() => Directory.CreateDirectory(Path);
}
