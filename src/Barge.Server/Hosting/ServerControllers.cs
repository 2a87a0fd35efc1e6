using Barge.Engine.Controllers;
using Barge.Engine.Controllers.Leasing;
using Barge.Engine.Credentials;
using Barge.Storage;
using Microsoft.Extensions.Logging;

namespace Barge.Server.Hosting;

/// <summary>The controllers <c>barge serve</c> hosts: the one place that picks their composition root.</summary>
internal static class ServerControllers
{
    /// <summary>The controller runtime to run and the object that owns its resources.</summary>
    public static (ControllerRuntime Runtime, IDisposable Owner) Create(IResourceStore store, string home, SecretCipher cipher, TimeProvider time, ILoggerFactory loggers, KeyLeaseOptions? leasing = null)
    {
        // The composition root of the controllers (Warehouse + Stage + Promotion reconcilers) is this line.
        var controller = new PipelineController(
            store, home, cipher, time, loggers, new PipelineControllerOptions { Runtime = new ControllerOptions { Leasing = leasing } });
        return (controller.Runtime, controller);
    }
}
