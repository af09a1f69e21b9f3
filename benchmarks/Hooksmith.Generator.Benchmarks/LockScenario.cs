using System.Collections.Generic;
using System.IO;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>hooksmith.lock.json</c> beside the project, as the build hands it to the generator: the lock of
/// <c>OpenAPIWebhooks.json</c> as published (so the check finds nothing), or of an older version from
/// the corpus's history (so it finds and reports changes).
/// </summary>
internal static class LockScenario
{
    /// <summary>The lock's path: beside the schema, where a project keeps it.</summary>
    public static string PathBeside(SchemaText schema) => Path.Combine(Path.GetDirectoryName(schema.Path)!, "hooksmith.lock.json");

    /// <summary>The lock of <paramref name="schema"/> as it is: comparing finds no change.</summary>
    public static SchemaText Of(SchemaText schema) => Write(schema, schema.Path, schema.GetText().ToString());

    /// <summary>The lock of another version of the schema (written by <c>hooksmith lock</c> on that version).</summary>
    public static SchemaText OfVersion(SchemaText schema, string versionPath) => Write(schema, versionPath, File.ReadAllText(versionPath));

    private static SchemaText Write(SchemaText schema, string path, string text)
    {
        var input = DriftInputs.Read(path, text, Path.GetFileName(path), string.Empty, EventSources.Webhooks | EventSources.Paths);
        var surface = SurfaceExtractor.Extract(new List<DriftInput> { input });
        return new SchemaText(PathBeside(schema), LockFileWriter.Write(surface), string.Empty);
    }
}
