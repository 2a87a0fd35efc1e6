using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Barge.Server.Hosting;

/// <summary>
/// The one place where optional server features plug in (webhook receivers, /metrics): their
/// <c>services.AddX()</c> in <see cref="AddServices"/> and their <c>app.MapX()</c> in <see cref="Map"/>.
/// Each mapped route must carry an <see cref="Auth.Access"/> policy (anonymous for receivers that
/// authenticate by their own secret); the route-table test fails otherwise.
/// </summary>
internal static class ServerExtensions
{
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
