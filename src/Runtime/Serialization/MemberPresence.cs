namespace Hooksmith.Serialization;

/// <summary>
/// Which members of a parsed object were bound from the payload (JSON null included), so writing a
/// parsed model gives back the members it had: an explicit null stays null, an absent member stays absent.
/// A model built in code has no presence: its non-null members and its required members are written.
/// </summary>
public readonly struct MemberPresence
{
    private readonly ulong _first;
    private readonly ulong[]? _rest;

    internal MemberPresence(ulong first, ulong[]? rest)
    {
        _first = first;
        _rest = rest;
        IsParsed = true;
    }

    /// <summary>True for a model that was read from JSON.</summary>
    public bool IsParsed { get; }

    /// <summary>True when member <paramref name="index"/> was bound from the payload.</summary>
    public bool IsBound(int index)
    {
        if (index < 64)
        {
            return (_first & (1UL << index)) != 0;
        }

        var word = (index / 64) - 1;
        return _rest is not null && word < _rest.Length && (_rest[word] & (1UL << (index % 64))) != 0;
    }

    /// <summary>Whether a member whose value is null is written as JSON null.</summary>
    public bool ShouldWriteNull(int index, bool isRequired) => IsParsed ? IsBound(index) : isRequired;

    /// <summary>Whether a member of a non-nullable value type is written.</summary>
    public bool ShouldWrite(int index) => !IsParsed || IsBound(index);
}
