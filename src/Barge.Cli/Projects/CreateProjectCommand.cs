using System.Text.Json;
using Barge.Cli.Configuration;
using Barge.Cli.Get;
using Barge.Cli.Hosting;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Cli.Projects;

/// <summary><c>barge create project NAME</c>: stores an empty Project.</summary>
internal sealed class CreateProjectCommand(CliContext cli) : BargeCommand<CreateProjectSettings>(cli)
{
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
