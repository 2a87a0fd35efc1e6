using Barge.Cli.Hosting;
using Barge.Cli.Remote;
using Barge.Engine.Controllers.Leasing;
using Barge.Resources.Durations;
using Barge.Server.Auth;
using Barge.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Barge.Cli.Serve;

/// <summary>
/// <c>barge serve [--listen 127.0.0.1:8080] [--tls-cert F --tls-key K]</c>: the REST API, SSE watches
/// and the controllers until interrupted (Ctrl-C stops gracefully), on the embedded store or on a shared
/// PostgreSQL store (<c>--store</c> / <c>$BARGE_STORE</c>) where several replicas split the controllers'
/// work through store leases.
/// </summary>
internal sealed class ServeCommand(CliContext cli) : BargeCommand<ServeSettings>(cli)
{
    protected override RemoteMode Remote => RemoteMode.LocalOnly;

    protected override async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            BargeServer.ParseListen(settings.Listen);
        }
        catch (FormatException ex)
        {
            return Cli.Fail(ExitCodes.BadInput, ex.Message);
        }
        foreach (var file in new[] { settings.TlsCert, settings.TlsKey }.OfType<string>())
        {
            if (!File.Exists(file))
            {
                return Cli.Fail(ExitCodes.BadInput, $"TLS file {file} not found");
            }
        }
        if (!SecretKeys.TryOpen(Cli, out var cipher, out var keyError))
        {
            return Cli.Fail(ExitCodes.Failed, "the secret key is not usable: " + keyError);
        }
        using var ownedCipher = cipher;
        if (!GoDuration.TryParse(settings.LeaseTtl ?? "15s", out var leaseTtl))
        {
            return Cli.Fail(ExitCodes.BadInput, $"--lease-ttl \"{settings.LeaseTtl}\" is not a duration (e.g. 15s)");
        }
        var (served, exitCode, error) = await ServeStore.OpenAsync(Cli, settings, cancellationToken);
        if (served is null)
        {
            return Cli.Fail(exitCode, error!);
        }
        await using var store = served.Store;
        var options = new BargeServerOptions
        {
            Home = Cli.Home.Path,
            Listen = settings.Listen,
            TlsCertificatePath = settings.TlsCert,
            TlsKeyPath = settings.TlsKey,
            AdminToken = Cli.GetEnvironmentVariable(AdminToken.EnvironmentVariable),
            RunControllers = !settings.NoControllers,
            WebhookBaseUrl = settings.WebhookBaseUrl is { } webhooks ? new Uri(webhooks) : null,
            Store = new StoreIdentity(served.Kind, served.Description),
            // A shared store may have other replicas: split the controllers' keys through store leases.
            Leasing = served.Shared ? new KeyLeaseOptions(settings.ReplicaId ?? KeyLeaseOptions.NewHolder()) { Duration = leaseTtl } : null,
        };
        await using var app = await BargeServer.BuildAsync(options, store, cipher, Cli.Time, logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddSimpleConsole(console => console.SingleLine = true)
            .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace), cancellationToken);
        await app.StartAsync(cancellationToken);
        Cli.Output.WriteLine($"barge serve: store {served.Kind} {served.Description}"
            + (options.Leasing is { } leasing ? $", replica {leasing.Holder}, lease ttl {GoDuration.Format(leasing.Duration)}" : ""));
        foreach (var address in BargeServer.Addresses(app))
        {
            Cli.Output.WriteLine($"barge serve: listening on {address}");
        }
        var admin = (AdminToken)app.Services.GetService(typeof(AdminToken))!;
        Cli.Output.WriteLine(admin.GeneratedAt is { } path
            ? $"admin token generated into {path} (mode 0600)"
            : $"admin token from {admin.Source}");
        await Cli.Output.FlushAsync(cancellationToken);
        // Ctrl-C reaches us as the command's cancellation; SIGTERM reaches the host's lifetime.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stop gracefully below.
        }
        await app.StopAsync(CancellationToken.None);
        Cli.Output.WriteLine("barge serve: stopped");
        await Cli.Output.FlushAsync(CancellationToken.None);
        return ExitCodes.Success;
    }
}
