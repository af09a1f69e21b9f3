using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Hooksmith.Validation;

/// <summary>
/// Member names an object schema lists (its <c>properties</c>, or its <c>required</c> names), looked up
/// by a member's UTF-8 name. A generated validator switches on the index instead of comparing a member's
/// name with every name the schema lists, and finds all missing required members in one pass; a generated
/// model's <c>TryRead</c> does the same through <see cref="Serialization.ObjectReader"/>.
/// </summary>
/// <remarks>
/// Where .NET exposes a member's raw UTF-8 name (9 and later), a lookup compares it only with the names of
/// the same length, without decoding; a raw name that is not found but has an escape (<c>"\u0069d"</c>),
/// every name of a set with a backslash in a name, and every name on .NET 8, are compared the way
/// <see cref="JsonProperty.NameEquals(ReadOnlySpan{byte})"/> does, which unescapes.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PropertyNameSet
{
    /// <summary>The names in UTF-8; null for a name with an unpaired surrogate, which no decodable member name equals.</summary>
    private readonly byte[]?[] _names;

    /// <summary>Indexes into <see cref="_names"/>, grouped by UTF-8 length: those of length n are <c>_byLength[_starts[n].._starts[n + 1]]</c>.</summary>
    private readonly int[] _byLength;

    private readonly int[] _starts;

    /// <summary>Whether a name has a backslash, which an escaped raw name could spell (then every lookup unescapes).</summary>
    private readonly bool _hasBackslash;

    /// <param name="names">The names, each once; a name's index is its position here.</param>
    public PropertyNameSet(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new byte[]?[names.Length];
        var longest = 0;
        var found = 0;
        for (var i = 0; i < names.Length; i++)
        {
            // UTF-8 has no spelling for an unpaired surrogate: encoding one would give U+FFFD, which a member
            // could spell. Such a name keeps its index but is never found, as ValueTextEquals never finds it.
            var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(names[i].Length)];
            if (Utf8.FromUtf16(names[i], utf8, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                continue;
            }

            var name = utf8.AsSpan(0, written).ToArray();
            _names[i] = name;
            longest = Math.Max(longest, name.Length);
            _hasBackslash |= names[i].Contains('\\', StringComparison.Ordinal);
            found++;
        }

        _starts = new int[longest + 2];
        foreach (var name in _names)
        {
            if (name is not null)
            {
                _starts[name.Length + 1]++;
            }
        }

        for (var length = 1; length < _starts.Length; length++)
        {
            _starts[length] += _starts[length - 1];
        }

        _byLength = new int[found];
        var next = (int[])_starts.Clone();
        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] is { } name)
            {
                _byLength[next[name.Length]++] = i;
            }
        }
    }

    /// <summary>How many names the set has.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/> in UTF-8; null for one with an unpaired surrogate (never found).</summary>
    internal byte[]? NameAt(int index) => _names[index];

    /// <summary>
    /// The bit a member's index stands for in a 64-bit presence mask: <c>1UL &lt;&lt; member</c> for the first 64
    /// names, 0 for the others and for a name not in the set (a negative index).
    /// </summary>
    public static ulong Bit(int member) => (uint)member < 64 ? 1UL << member : 0;

    /// <summary>The index of the member's name in the set, or -1.</summary>
    public int IndexOf(in JsonProperty property)
    {
#if NET9_0_OR_GREATER
        if (!_hasBackslash)
        {
            // A raw name equal to one of the names is that name: with no backslash in any of them, an
            // escaped raw name cannot be equal to one. Only a raw name that is not found may be escaped.
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.Length + 1 < _starts.Length)
            {
                for (var i = _starts[raw.Length]; i < _starts[raw.Length + 1]; i++)
                {
                    var index = _byLength[i];
                    if (raw.SequenceEqual(_names[index]!))
                    {
                        return index;
                    }
                }
            }

            if (raw.IndexOf((byte)'\\') < 0)
            {
                return -1;
            }
        }
#endif
        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] is { } name && property.NameEquals(name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of a name given as decoded UTF-8 (no escapes), or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length + 1 < _starts.Length)
        {
            for (var i = _starts[utf8.Length]; i < _starts[utf8.Length + 1]; i++)
            {
                var index = _byLength[i];
                if (utf8.SequenceEqual(_names[index]!))
                {
                    return index;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The longest name a member name given raw, escapes included, is decoded on the stack for: longer ones
    /// (rare) borrow a pooled buffer, so no lookup allocates.
    /// </summary>
    private const int StackNameLength = 512;

    /// <summary>
    /// The index of the name of the member the reader is on, or -1, matching exactly what
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> matches: the name unescaped. The name
    /// must be decodable (<see cref="Serialization.JsonStringText.IsWellFormed(ref readonly Utf8JsonReader)"/>).
    /// </summary>
    internal int IndexOfName(ref readonly Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return IndexOf(reader.ValueSpan);
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

        // An escape gives at least one byte for every six it spells (\uXXXX), and every other byte is itself:
        // a raw name over six times the longest name cannot decode to any of them.
        if (length > 6L * (_starts.Length - 2))
        {
            return -1;
        }

        // Decoding never makes a name longer, so the raw length is room enough.
        byte[]? rented = null;
        Span<byte> buffer = length <= StackNameLength
            ? stackalloc byte[StackNameLength]
            : (rented = ArrayPool<byte>.Shared.Rent((int)length));
        try
        {
            var written = reader.CopyString(buffer);
            return IndexOf(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Which of the names (at most 64) the object lacks: bit <c>i</c> of the result stands for the name at
    /// index <c>i</c>. One pass over the object's members, which stops once every name is found.
    /// </summary>
    public ulong Missing(in JsonElement instance)
    {
        if (_names.Length > 64)
        {
            throw new InvalidOperationException("A name set reports the missing names of at most 64.");
        }

        var missing = _names.Length == 64 ? ulong.MaxValue : (1UL << _names.Length) - 1;
        foreach (var property in instance.EnumerateObject())
        {
            var index = IndexOf(property);
            if (index >= 0)
            {
                missing &= ~(1UL << index);
                if (missing == 0)
                {
                    break;
                }
            }
        }

        return missing;
    }
}
