namespace Barge.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("barge: no commands are built yet");
        return args.Length == 0 ? 2 : 2;
    }
}
