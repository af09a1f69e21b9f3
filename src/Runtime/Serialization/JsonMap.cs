using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Hooksmith.Serialization;

/// <summary>
/// The read-only map that binding produces for JSON objects used as dictionaries: member order is
/// kept for writing, and equality ignores it, as JSON's does.
/// </summary>
public sealed class JsonMap<T> : IReadOnlyDictionary<string, T>, IEquatable<JsonMap<T>>
{
    private readonly Dictionary<string, T> _entries;

    /// <summary>Wraps <paramref name="entries"/> without copying; the caller gives up the dictionary.</summary>
    public JsonMap(Dictionary<string, T> entries) => _entries = entries ?? throw new ArgumentNullException(nameof(entries));

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public T this[string key] => _entries[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <inheritdoc/>
    public IEnumerable<T> Values => _entries.Values;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _entries.TryGetValue(key, out value);

    /// <inheritdoc/>
    public Dictionary<string, T>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(JsonMap<T>? other) => StructuralEquality.MapEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IReadOnlyDictionary<string, T> other && StructuralEquality.MapEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => StructuralEquality.MapHashCode(this);
}
