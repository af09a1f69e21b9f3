using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>A lock as <see cref="LockFileWriter"/> writes it, and where each entry's value is in the text.</summary>
/// <param name="Text">The lock.</param>
/// <param name="Events">Each event's value (the object after its name) by routing name.</param>
/// <param name="Schemas">Each schema's value by key.</param>
/// <param name="Payloads">Each event's payload's value by routing name.</param>
internal sealed record WrittenLock(string Text, IReadOnlyDictionary<string, TextRange> Events, IReadOnlyDictionary<string, TextRange> Schemas, IReadOnlyDictionary<string, TextRange> Payloads);
