using Spectre.Console;
using Spectre.Console.Rendering;

namespace Barge.Cli.Demo;

/// <summary>
/// Tells what the demo does. On a terminal each phase runs under a Spectre.Console status spinner and
/// sections are rules; when the output is redirected (a pipe, a file, a test) the same story is written
/// as plain lines, flushed as they happen.
/// </summary>
internal sealed class DemoNarrator
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _writer;
    private readonly bool _live;

    public DemoNarrator(TextWriter output, bool live)
    {
        ArgumentNullException.ThrowIfNull(output);
        _live = live;
        // Live output goes straight to the terminal (Console.Out flushes itself); the spinner redraws on a timer.
        _writer = live ? Console.Out : output;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        if (!live)
        {
            _console.Profile.Width = 120;
        }
    }

    public void Section(string title)
    {
        if (_live)
        {
            _console.WriteLine();
            _console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]") { Justification = Justify.Left });
        }
        else
        {
            _writer.WriteLine();
            _writer.WriteLine("== " + title);
        }
        _writer.Flush();
    }

    public void Line(string text)
    {
        _writer.WriteLine("   " + text);
        _writer.Flush();
    }

    public void Lines(string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }
    }

    public void Write(IRenderable renderable)
    {
        _console.Write(renderable);
        _writer.Flush();
    }

    /// <summary>Runs one phase: a spinner with <paramref name="activity"/> on a terminal, a "… activity" line otherwise.</summary>
    public async Task<T> StepAsync<T>(string activity, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_live)
        {
            Line("… " + activity);
            return await work(_ => { });
        }
        return await _console.Status().Spinner(Spinner.Known.Dots).StartAsync(activity, async context =>
            await work(status => context.Status(Markup.Escape(status))));
    }

    public async Task StepAsync(string activity, Func<Action<string>, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await StepAsync(activity, async update =>
        {
            await work(update);
            return true;
        });
    }
}
