using Barge.Cli.Apply;
using Barge.Cli.Configuration;
using Barge.Cli.Credentials;
using Barge.Cli.Delete;
using Barge.Cli.Get;
using Barge.Cli.Projects;
using Barge.Cli.Warehouses;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Barge.Cli.Hosting;

/// <summary>
/// The composition root of the <c>barge</c> executable: the command table and the one place where an
/// unexpected exception becomes an "internal error" line and exit code 1 (never a stack trace).
/// </summary>
internal static class BargeApp
{
    /// <summary>Runs one <c>barge</c> invocation against the given streams; returns its exit code.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        Stream input,
        TextWriter output,
        TextWriter error,
        Func<string, string?>? environment = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var cli = new CliContext(input, output, error, environment ?? Environment.GetEnvironmentVariable, time ?? TimeProvider.System);
        try
        {
            var app = new CommandApp();
            app.Configure(config => Configure(config, cli));
            return await app.RunAsync(StdinDash(args), cancellationToken);
        }
        catch (CommandAppException ex)
        {
            return cli.Fail(ExitCodes.BadInput, ex.Message + " (see `barge --help`)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return cli.Fail(ExitCodes.Failed, "interrupted");
        }
        catch (Exception ex)
        {
            // The one boundary catch: a bug must still end in one clear line, not a stack trace.
            return cli.Fail(ExitCodes.Failed, $"internal error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// <c>-f -</c> (stdin, as kubectl and Kargo spell it): Spectre's parser reads a lone <c>-</c> as an
    /// option without a name, so the pair is handed over in its <c>--filename=-</c> form.
    /// </summary>
    private static List<string> StdinDash(IReadOnlyList<string> args)
    {
        var rewritten = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-f" or "--filename" && i + 1 < args.Count && args[i + 1] == "-")
            {
                rewritten.Add("--filename=-");
                i++;
                continue;
            }
            rewritten.Add(args[i]);
        }
        return rewritten;
    }

    private static void Configure(IConfigurator config, CliContext cli)
    {
        config.SetApplicationName("barge");
        config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(cli.Output),
            Interactive = InteractionSupport.No,
        }));
        config.PropagateExceptions();
        config.Settings.StrictParsing = true;
        config.Settings.Registrar.RegisterInstance(cli);

        config.AddCommand<ApplyCommand>("apply").WithDescription("Create or update resources from manifests, all or nothing.")
            .WithExample("apply", "-f", "examples/grommet/pipeline.yaml");
        config.AddCommand<GetCommand>("get").WithDescription("Show resources: a table, or manifests with -o json|yaml.")
            .WithExample("get", "stages", "-p", "grommet")
            .WithExample("get", "freight", "--origin", "grommet-dev", "-o", "wide");
        config.AddCommand<Promote.PromoteCommand>("promote").WithDescription("Create a Promotion and run it (embedded), or --dry-run it, or --abort one.");
        config.AddCommand<Approve.ApproveCommand>("approve").WithDescription("Approve Freight for a Stage: available there without upstream verification or soak.");
        config.AddBranch("verify", branch => branch.AddCommand<Verify.VerifyStageCommand>("stage").WithDescription("Verify a Stage's current Freight again, or --abort the running verification."));
        config.AddCommand<History.HistoryCommand>("history").WithDescription("The audit trail: who created, approved, promoted and verified which Freight from which origin.");
        config.AddCommand<DeleteCommand>("delete").WithDescription("Delete resources by kind and name.");
        config.AddBranch("create", branch =>
        {
            branch.SetDescription("Create a resource from the command line.");
            branch.AddCommand<CreateProjectCommand>("project").WithDescription("Create an empty project.");
            branch.AddCommand<CreateCredentialsCommand>("credentials").WithDescription("Create repository credentials (a Secret, encrypted at rest).")
                .WithExample("create", "credentials", "source", "-p", "grommet", "--git", "--repo-url", "https://git.example.com/grommet", "--username", "bot", "--password-stdin");
        });
        config.AddBranch("config", branch =>
        {
            branch.SetDescription("Read and change the CLI's settings in $BARGE_HOME/config.json.");
            branch.AddCommand<SetProjectCommand>("set-project").WithDescription("Set the default project.");
            branch.AddCommand<GetProjectCommand>("get-project").WithDescription("Print the default project.");
        });
        config.AddCommand<EvalCommand>("eval").WithDescription("Evaluate an expression or a ${{ }} template of Kargo's expression language.")
            .WithExample("eval", "ctx.stage == 'dev'", "--env", "{\"ctx\":{\"stage\":\"dev\"}}");
        config.AddBranch("refresh", branch =>
        {
            branch.SetDescription("Ask a controller to act now.");
            branch.AddCommand<RefreshWarehouseCommand>("warehouse").WithDescription("Run a Warehouse's discovery now; exit 1 with its error if it fails.");
        });
        config.AddCommand<ReconcileCommand>("reconcile").WithDescription("Run the controllers on the embedded store (Warehouse discovery).")
            .WithExample("reconcile", "--until-idle");
        config.AddCommand<Store.MigrateCommand>("migrate").WithDescription("Create or migrate the store's schema: PostgreSQL (--store, $BARGE_STORE) or the embedded SQLite.");
        config.AddCommand<Demo.DemoCommand>("demo").WithDescription("Run the grommet quick start end to end in a fresh BARGE_HOME: repositories, pipeline, controllers, history.");
        config.AddCommand<Serve.ServeCommand>("serve").WithDescription("Serve the REST API, SSE watches and the controllers on the embedded store.");
        config.AddBranch("token", Serve.TokenCommands.Configure);
        config.AddCommand<Remote.LoginCommand>("login").WithDescription("Check a token against a `barge serve` and store the server and token in $BARGE_HOME/config (0600).");
        config.AddCommand<VersionCommand>("version").WithDescription("Print the version of barge.");
    }
}
