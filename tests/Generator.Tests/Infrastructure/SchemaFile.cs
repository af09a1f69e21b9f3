namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>A schema file for a test run, with the item metadata a project would give it.</summary>
internal sealed record SchemaFile(string Path, string Text, string? Namespace = null, string? Dialect = null, string? BaseUri = null, string? Event = null);
