using System.Collections;

namespace Barge.Expressions.Evaluation;

/// <summary>
/// A <c>[key, value]</c> pair from <c>toPairs</c>. Go gives these as fixed-size <c>[2]any</c> arrays,
/// which never compare equal to a list literal; this type keeps that behaviour (expr-lang.md §6.4).
/// </summary>
internal sealed class FixedPair : IList
{
    private readonly object?[] _items;

    public FixedPair(object? key, object? value) => _items = [key, value];

    public object? this[int index]
    {
        get => _items[index];
        set => throw new NotSupportedException("a pair is read-only");
    }

    public bool IsFixedSize => true;

    public bool IsReadOnly => true;

    public int Count => 2;

    public bool IsSynchronized => false;

    public object SyncRoot => _items;

    public int Add(object? value) => throw new NotSupportedException("a pair is read-only");

    public void Clear() => throw new NotSupportedException("a pair is read-only");

    public bool Contains(object? value) => ((IList)_items).Contains(value);

    public void CopyTo(Array array, int index) => _items.CopyTo(array, index);

    public IEnumerator GetEnumerator() => _items.GetEnumerator();

    public int IndexOf(object? value) => ((IList)_items).IndexOf(value);

    public void Insert(int index, object? value) => throw new NotSupportedException("a pair is read-only");

    public void Remove(object? value) => throw new NotSupportedException("a pair is read-only");

    public void RemoveAt(int index) => throw new NotSupportedException("a pair is read-only");
}
