using System.Net;

namespace Barge.Engine.Registry;

/// <summary>
/// A registry could not answer as needed: unreachable, refused the credentials, answered with an
/// error status or with a body that is not what the Distribution API promises. The message names
/// the registry and repository and never contains a credential. Discovery catches it at its
/// boundary and reports the message as the subscription's error.
/// </summary>
public sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status that caused the failure, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }
}
