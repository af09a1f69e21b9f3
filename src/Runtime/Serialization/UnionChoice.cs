namespace Hooksmith.Serialization;

/// <summary>Which variant of a generated union a value is, and how sure that choice is.</summary>
/// <param name="Index">The variant's position in the schema (0 for the first), or -1 for none.</param>
/// <param name="Kind">How the variant was chosen.</param>
public readonly record struct UnionChoice(int Index, UnionChoiceKind Kind)
{
    /// <summary>No variant.</summary>
    public static UnionChoice None => new(-1, UnionChoiceKind.None);

    /// <summary>Whether a variant was chosen.</summary>
    public bool HasVariant => Index >= 0;

    /// <summary>
    /// Whether the choice is a guess: several variants accept the value (for <c>oneOf</c>, the value is then
    /// invalid), or none does. The value itself is kept as it came either way.
    /// </summary>
    public bool IsAmbiguous => Kind is UnionChoiceKind.SeveralValid or UnionChoiceKind.NoneValid;
}
