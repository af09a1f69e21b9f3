namespace Hooksmith.Generator.Drift;

/// <summary>A run of characters in a text.</summary>
/// <param name="Start">Its first character's index.</param>
/// <param name="Length">Its length.</param>
internal readonly record struct TextRange(int Start, int Length);
