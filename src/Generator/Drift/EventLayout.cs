namespace Hooksmith.Generator.Drift;

/// <summary>An event's entry in a lock, as <see cref="LockLayout"/> finds it.</summary>
/// <param name="Key">Its key in the document.</param>
/// <param name="CSharp">Its payload's generated type, if recorded.</param>
/// <param name="Pointer">Its payload's JSON Pointer.</param>
/// <param name="Payload">Where its payload's value is.</param>
internal sealed record EventLayout(string Key, string? CSharp, string Pointer, TextRange Payload);
