using System;
using System.Collections;
using System.Collections.Generic;

namespace Hooksmith.Serialization;

/// <summary>
/// The read-only list that binding produces: equal to any list with equal elements, so models that
/// hold lists keep value equality (parse → write → parse gives an equal model).
/// </summary>
public sealed class JsonList<T> : IReadOnlyList<T>, IEquatable<JsonList<T>>
{
    private readonly List<T> _items;

    /// <summary>Wraps <paramref name="items"/> without copying; the caller gives up the list.</summary>
    public JsonList(List<T> items) => _items = items ?? throw new ArgumentNullException(nameof(items));

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <inheritdoc/>
    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(JsonList<T>? other) => StructuralEquality.ListEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IReadOnlyList<T> other && StructuralEquality.ListEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => StructuralEquality.ListHashCode(this);
}
