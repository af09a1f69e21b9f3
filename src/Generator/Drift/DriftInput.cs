using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Drift;

/// <summary>A schema file to extract a surface from.</summary>
/// <param name="Document">The file, read.</param>
/// <param name="DisplayPath">The path reports show for it.</param>
/// <param name="KeyPrefix">What keys of its schemas start with: "" for a lone file, its path in the folder otherwise.</param>
internal sealed record DriftInput(SchemaDocument Document, string DisplayPath, string KeyPrefix);
