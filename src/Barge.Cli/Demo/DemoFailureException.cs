namespace Barge.Cli.Demo;

/// <summary>The demo cannot go on (git missing, a push refused, a Promotion that failed); the command reports it in one line and exits 1.</summary>
internal sealed class DemoFailureException : Exception
{
    public DemoFailureException(string message)
        : base(message)
    {
    }

    public DemoFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DemoFailureException()
    {
    }
}
