using System.Globalization;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// The state of one evaluation: the environment, the slots of <c>let</c> variables and predicate
/// pointers (assigned at compile time), and the memory and step budgets. One frame is rented per
/// thread and reused, so evaluating a scalar expression allocates nothing.
/// </summary>
internal sealed class Frame
{
    [ThreadStatic]
    private static Frame? cached;

    private long _memory;
    private long _steps;
    private long _memoryBudget;
    private long _stepBudget;

    public IReadOnlyDictionary<string, object?>? Env { get; private set; }

    public object?[] Slots { get; private set; } = [];

    public TimeProvider Time { get; private set; } = TimeProvider.System;

    public static Frame Rent(IReadOnlyDictionary<string, object?>? env, int slotCount, ExprOptions options)
    {
        var frame = cached ?? new Frame();
        cached = null;
        frame.Env = env;
        if (frame.Slots.Length < slotCount)
        {
            frame.Slots = new object?[Math.Max(slotCount, 8)];
        }
        frame._memory = 0;
        frame._steps = 0;
        frame._memoryBudget = options.MemoryBudget;
        frame._stepBudget = options.StepBudget;
        frame.Time = options.TimeProvider;
        return frame;
    }

    public static void Return(Frame frame)
    {
        frame.Env = null;
        Array.Clear(frame.Slots);
        cached = frame;
    }

    /// <summary>Counts created elements against the memory budget (expr counts the same things).</summary>
    public void Allocate(long units)
    {
        _memory += units;
        if (_memory >= _memoryBudget || units >= _memoryBudget)
        {
            throw new EvalError("memory budget exceeded");
        }
    }

    /// <summary>Long strings built by concatenation count one unit per 16 characters.</summary>
    public void CountString(int length)
    {
        if (length > 4096)
        {
            Allocate(length / 16);
        }
    }

    /// <summary>Counts one iteration of a builtin's loop against the step budget.</summary>
    public void Step()
    {
        if (++_steps > _stepBudget)
        {
            throw new EvalError(string.Create(CultureInfo.InvariantCulture, $"step budget exceeded: more than {_stepBudget} steps"));
        }
    }
}
