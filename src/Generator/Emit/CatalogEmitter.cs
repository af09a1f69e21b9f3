using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Planning.Validation;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Emit;

/// <summary>
/// What the catalog needs from one file: its path as generated code records it (relative to the project,
/// so the catalog is the same in every clone), its namespace, its validator class, named schemas and events.
/// </summary>
internal sealed record CatalogPart(string SourcePath, string Namespace, string ClassFullName, Model.EquatableArray<CatalogRoot> Roots, Model.EquatableArray<CatalogEvent> Events)
{
    public static CatalogPart Of(DocumentValidation validation) => new(validation.SchemaFile, validation.Namespace, validation.FullName, validation.Roots, validation.Events);
}

/// <summary>
/// Writes <c>Hooksmith.Generated.HooksmithCatalog</c>: every named schema of the compilation with its
/// validator and model type, and every webhook event, so tests and tools need no generated names.
/// </summary>
internal static class CatalogEmitter
{
    public const string HintName = "Hooksmith.Generated.HooksmithCatalog.g.cs";

    public static SourceText Emit(IEnumerable<CatalogPart> parts)
    {
        var files = parts.Where(p => p.Roots.Count > 0).OrderBy(p => p.SourcePath, System.StringComparer.Ordinal).ToList();
        var writer = new SourceWriter();
        FileEmitter.WriteStart(writer, origin: null, allowObsoleteUse: true, "Hooksmith.Generated");
        writer.WriteLine("/// <summary>Every schema and webhook event of this assembly's schema files, with its generated validator and model type.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class HooksmithCatalog");
        writer.WriteLine("/// <summary>The catalog.</summary>");
        writer.WriteLine("public static global::Hooksmith.Validation.SchemaCatalog Instance { get; } = Create();");
        writer.WriteLine();
        writer.OpenBlock("private static global::Hooksmith.Validation.SchemaCatalog Create()");
        writer.OpenBlock("var schemas = new global::Hooksmith.Validation.SchemaCatalogEntry[]");
        var indexes = new Dictionary<(string Path, string Pointer), int>();
        foreach (var file in files)
        {
            foreach (var root in file.Roots)
            {
                indexes[(file.SourcePath, root.Pointer)] = indexes.Count;
                var model = root.ModelType is null ? "null" : $"typeof(global::{root.ModelType})";
                writer.WriteLine($"new({TypeEmitter.Literal(file.SourcePath)}, {TypeEmitter.Literal(root.Pointer)}, {TypeEmitter.Literal(root.SchemaUri)}, {TypeEmitter.Literal(root.Resource)}, {model}, global::{file.ClassFullName}.{root.Method}),");
            }
        }

        writer.CloseBlock("};");
        writer.OpenBlock("var events = new global::Hooksmith.Validation.EventCatalogEntry[]");
        foreach (var file in files)
        {
            foreach (var @event in file.Events)
            {
                if (!indexes.TryGetValue((file.SourcePath, @event.Pointer), out var index))
                {
                    continue;
                }

                var root = file.Roots.First(r => r.Pointer == @event.Pointer);
                var model = root.ModelType is null ? "null" : $"typeof(global::{root.ModelType})";
                writer.WriteLine($"new({TypeEmitter.Literal(@event.EventName)}, {TypeEmitter.Literal(@event.Key)}, {TypeEmitter.Literal(file.Namespace)}, {model}, schemas[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]),");
            }
        }

        writer.CloseBlock("};");
        writer.WriteLine("return new global::Hooksmith.Validation.SchemaCatalog(schemas, events);");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
