namespace Barge.Expressions.Evaluation;

/// <summary>
/// Shared boxes for the values the hot path produces most (booleans, small integers), so that
/// comparisons and small arithmetic return an <see cref="object"/> without allocating.
/// </summary>
internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;
    public static readonly object ZeroFloat = 0.0;

    private const int Low = -128;
    private const int High = 1024;
    private static readonly object[] Integers = CreateIntegers();

    public static object Bool(bool value) => value ? True : False;

    public static object Int(long value) =>
        value is >= Low and < High ? Integers[value - Low] : value;

    public static object Float(double value) => value;

    private static object[] CreateIntegers()
    {
        var boxes = new object[High - Low];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)(i + Low);
        }
        return boxes;
    }
}
