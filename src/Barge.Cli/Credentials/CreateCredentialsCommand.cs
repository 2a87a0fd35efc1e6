using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Barge.Cli.Configuration;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Credentials;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Credentials;

/// <summary>
/// <c>barge create credentials NAME --git|--image|--helm --repo-url URL --username U --password-stdin</c>:
/// a Kargo credential Secret (label <c>kargo.akuity.io/cred-type</c>; <c>repoURL</c>,
/// <c>repoURLIsRegex</c>, <c>username</c>, <c>password</c>) stored with its values sealed. The password
/// is echoed nowhere. Remote mode creates the same Secret through <c>POST /v1beta1/resources</c>.
/// </summary>
internal sealed class CreateCredentialsCommand(CliContext cli) : BargeCommand<CreateCredentialsSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    protected override async Task<int> RunAsync(CreateCredentialsSettings settings, CancellationToken cancellationToken)
    {
        var (project, password, exitCode) = await ReadRequestAsync(settings, cancellationToken);
        if (project is null || password is null)
        {
            return exitCode;
        }
        var type = settings.Git ? CredentialType.Git : settings.Image ? CredentialType.Image : CredentialType.Helm;
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        if (await store.GetAsync(ResourceKey.Cluster("Project", project), cancellationToken) is null)
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{project}\" not found (create it with `barge create project {project}`)");
        }
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "Opaque", ["stringData"] = StringData(settings, password) });
        if (!SecretSealing.TrySeal(payload, null, project, settings.Name, cipher, out var sealedPayload, out var sealError))
        {
            return Cli.Fail(ExitCodes.Failed, sealError);
        }
        var key = new ResourceKey("Secret", project, settings.Name);
        try
        {
            await store.CreateAsync(new NewResource(key, KargoApi.CoreVersion, sealedPayload.Value)
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [SecretCredentialProvider.CredentialTypeLabel] = SecretCredentialProvider.LabelValue(type) },
            }, cancellationToken);
        }
        catch (ResourceAlreadyExistsException)
        {
            return Cli.Fail(ExitCodes.Failed, $"{key} already exists");
        }
        Cli.Output.WriteLine($"secret/{settings.Name} created ({SecretCredentialProvider.LabelValue(type)} credentials for {settings.RepoUrl})");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Remote mode: the same checks, then the Secret (labelled, <c>stringData</c>) through <c>POST /v1beta1/resources</c>,
    /// which validates and seals it as <c>barge apply</c> does. The server never sends a Secret's values back;
    /// this prints the same line as embedded mode.
    /// </summary>
    protected override async Task<int> RunRemoteAsync(CreateCredentialsSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        var (project, password, exitCode) = await ReadRequestAsync(settings, cancellationToken);
        if (project is null || password is null)
        {
            return exitCode;
        }
        var exists = await client.GetAsync(BargeClient.Api("projects", project), cancellationToken);
        if (exists.Failure is { Status: 404 })
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{project}\" not found (create it with `barge create project {project}`)");
        }
        if (exists.Failure is { } readFailure)
        {
            return Fail(readFailure);
        }
        var type = settings.Git ? CredentialType.Git : settings.Image ? CredentialType.Image : CredentialType.Helm;
        var manifest = new Dictionary<string, object>
        {
            ["apiVersion"] = KargoApi.CoreVersion,
            ["kind"] = "Secret",
            ["metadata"] = new Dictionary<string, object>
            {
                ["name"] = settings.Name,
                ["namespace"] = project,
                ["labels"] = new Dictionary<string, string> { [SecretCredentialProvider.CredentialTypeLabel] = SecretCredentialProvider.LabelValue(type) },
            },
            ["type"] = "Opaque",
            ["stringData"] = StringData(settings, password),
        };
        using var content = new StringContent(JsonSerializer.Serialize(manifest), Encoding.UTF8, "application/json");
        var created = await client.SendAsync(HttpMethod.Post, BargeClient.Api("resources"), content, cancellationToken);
        if (created.Failure is { Status: 409 })
        {
            return Cli.Fail(ExitCodes.Failed, $"{new ResourceKey("Secret", project, settings.Name)} already exists");
        }
        if (created.Failure is { } failure)
        {
            return Fail(failure);
        }
        Cli.Output.WriteLine($"secret/{settings.Name} created ({SecretCredentialProvider.LabelValue(type)} credentials for {settings.RepoUrl})");
        return ExitCodes.Success;
    }

    /// <summary>The project and the password after the checks both modes make before touching a store or a server.</summary>
    private async Task<(string? Project, string? Password, int ExitCode)> ReadRequestAsync(CreateCredentialsSettings settings, CancellationToken cancellationToken)
    {
        var project = ResolveProject(settings, out var exitCode);
        if (project is null)
        {
            return (null, null, exitCode);
        }
        if (!DnsNames.IsLabel(settings.Name))
        {
            return (null, null, Cli.Fail(ExitCodes.BadInput, $"credentials name \"{settings.Name}\" is not a valid name (a DNS-1123 label: lowercase letters, digits and -)"));
        }
        if (settings.RepoUrlIsRegex)
        {
            try
            {
                _ = new Regex(settings.RepoUrl!, RegexOptions.NonBacktracking);
            }
            catch (ArgumentException e)
            {
                return (null, null, Cli.Fail(ExitCodes.BadInput, $"--repo-url is not a valid regular expression: {e.Message}"));
            }
        }
        var password = settings.Password ?? await ReadPasswordAsync(cancellationToken);
        if (password.Length == 0)
        {
            return (null, null, Cli.Fail(ExitCodes.BadInput, "the password is empty (--password-stdin read nothing)"));
        }
        return (project, password, ExitCodes.Success);
    }

    private static Dictionary<string, string> StringData(CreateCredentialsSettings settings, string password)
    {
        var stringData = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["repoURL"] = settings.RepoUrl!,
            ["username"] = settings.Username!,
            ["password"] = password,
        };
        if (settings.RepoUrlIsRegex)
        {
            stringData["repoURLIsRegex"] = "true";
        }
        return stringData;
    }

    private async Task<string> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Cli.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text.TrimEnd('\r', '\n');
    }
}
