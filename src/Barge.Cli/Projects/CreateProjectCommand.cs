using System.Text.Json;
using Barge.Cli.Configuration;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Projects;

/// <summary><c>barge create project NAME</c>: stores an empty Project.</summary>
internal sealed class CreateProjectCommand(CliContext cli) : BargeCommand<CreateProjectSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.Supported;

    /// <summary>Remote mode: <c>POST /v1beta1/resources</c> with the Project (system-admin on the server).</summary>
    protected override async Task<int> RunRemoteAsync(CreateProjectSettings settings, BargeClient client, CancellationToken cancellationToken)
    {
        if (!DnsNames.IsLabel(settings.Name))
        {
            return Cli.Fail(ExitCodes.BadInput, $"project name \"{settings.Name}\" is not valid: {DnsNames.LabelRule}");
        }
        var manifest = new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = KargoApi.Version,
            ["kind"] = "Project",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = settings.Name },
        };
        var sent = await client.SendAsync(HttpMethod.Post, BargeClient.Api("resources"),
            new StringContent(manifest.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        if (sent.Failure is { Status: 409 })
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{settings.Name}\" already exists");
        }
        if (sent.Failure is { } failure)
        {
            return Fail(failure);
        }
        Cli.Output.WriteLine(CliKinds.Display(ResourceKinds.Find("Project")!, settings.Name) + " created");
        return ExitCodes.Success;
    }

    protected override async Task<int> RunAsync(CreateProjectSettings settings, CancellationToken cancellationToken)
    {
        if (!DnsNames.IsLabel(settings.Name))
        {
            return Cli.Fail(ExitCodes.BadInput, $"project name \"{settings.Name}\" is not valid: {DnsNames.LabelRule}");
        }
        await using var store = await EmbeddedStore.OpenForWriteAsync(Cli, cancellationToken);
        var key = ResourceKey.Cluster("Project", settings.Name);
        try
        {
            await store.CreateAsync(new NewResource(key, KargoApi.Version, JsonSerializer.SerializeToElement(new System.Text.Json.Nodes.JsonObject())), cancellationToken);
        }
        catch (ResourceAlreadyExistsException)
        {
            return Cli.Fail(ExitCodes.Failed, $"project \"{settings.Name}\" already exists");
        }
        Cli.Output.WriteLine(CliKinds.Display(ResourceKinds.Find("Project")!, settings.Name) + " created");
        return ExitCodes.Success;
    }
}
