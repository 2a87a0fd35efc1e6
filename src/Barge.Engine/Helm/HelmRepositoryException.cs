namespace Barge.Engine.Helm;

/// <summary>
/// A classic Helm repository could not be read: unreachable, refused the credentials, or served an
/// <c>index.yaml</c> that is too large or not an index. The message names the repository and never
/// holds a credential.
/// </summary>
public sealed class HelmRepositoryException : Exception
{
    public HelmRepositoryException()
    {
    }

    public HelmRepositoryException(string message)
        : base(message)
    {
    }

    public HelmRepositoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
