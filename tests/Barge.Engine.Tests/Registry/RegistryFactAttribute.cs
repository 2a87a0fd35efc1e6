using Barge.Testing;
using Xunit;

namespace Barge.Engine.Tests.Registry;

/// <summary>
/// A fact that needs the real <c>docker-registry</c>. Outside CI it is skipped, with the reason,
/// when the binary is missing; under CI it runs and fails, so a missing registry never passes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        if (!File.Exists(RegistryServer.Binary) && !RepoPaths.UnderCi)
        {
            Skip = $"{RegistryServer.Binary} is missing (scripts/services/registry.sh install)";
        }
    }
}
