using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Barge.Cli.Configuration;
using Barge.Cli.Hosting;
using Barge.Engine.Credentials;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Credentials;

/// <summary>
/// <c>barge create credentials NAME --git|--image|--helm --repo-url URL --username U --password-stdin</c>:
/// a Kargo credential Secret (label <c>kargo.akuity.io/cred-type</c>; <c>repoURL</c>,
/// <c>repoURLIsRegex</c>, <c>username</c>, <c>password</c>) stored with its values sealed. The password
/// is echoed nowhere.
/// </summary>
internal sealed class CreateCredentialsCommand(CliContext cli) : BargeCommand<CreateCredentialsSettings>(cli)
{
    protected override async Task<int> RunAsync(CreateCredentialsSettings settings, CancellationToken cancellationToken)
    {
        var project = ResolveProject(settings, out var exitCode);
        if (project is null)
        {
            return exitCode;
        }
        if (!DnsNames.IsLabel(settings.Name))
        {
            return Cli.Fail(ExitCodes.BadInput, $"credentials name \"{settings.Name}\" is not a valid name (a DNS-1123 label: lowercase letters, digits and -)");
        }
        if (settings.RepoUrlIsRegex)
        {
            try
            {
                _ = new Regex(settings.RepoUrl!, RegexOptions.NonBacktracking);
            }
            catch (ArgumentException e)
            {
                return Cli.Fail(ExitCodes.BadInput, $"--repo-url is not a valid regular expression: {e.Message}");
            }
        }
        var password = settings.Password ?? await ReadPasswordAsync(cancellationToken);
        if (password.Length == 0)
        {
            return Cli.Fail(ExitCodes.BadInput, "the password is empty (--password-stdin read nothing)");
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
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "Opaque", ["stringData"] = stringData });
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

    private async Task<string> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Cli.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text.TrimEnd('\r', '\n');
    }
}
