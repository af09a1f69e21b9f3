namespace Hooksmith.Cli.Schemas;

/// <summary>One schema file handed to the generator.</summary>
/// <param name="Path">The full path: the generator's name for the file, and so the catalog's.</param>
/// <param name="DisplayPath">The path as the user spelled it, for messages.</param>
/// <param name="Text">The file's content.</param>
/// <param name="BaseUri">The URI the file is published at (<c>HooksmithBaseUri</c>); null for its file URI.</param>
internal sealed record SchemaSourceFile(string Path, string DisplayPath, string Text, string? BaseUri);
