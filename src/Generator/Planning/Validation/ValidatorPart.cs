using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;

namespace Hooksmith.Generator.Planning.Validation;

/// <summary>
/// The validator methods of one schema a file names (a <c>components/schemas</c>, <c>$defs</c> or
/// <c>definitions</c> entry, with everything under it), or of the rest of the file: one generated file
/// of the file's partial validation class. An edit inside one schema changes only its part, so only that
/// part is emitted again.
/// </summary>
/// <param name="Schema">The named schema's pointer (<c>/components/schemas/Order</c>), or "" for the rest of the file.</param>
/// <param name="HintName">The generated file's name.</param>
/// <param name="IsFirst">Whether this part declares the class's documentation and attribute: the part for the rest of the file if there is one, else the first.</param>
internal sealed record ValidatorPart(
    string SchemaFile,
    string Namespace,
    string ClassName,
    string Schema,
    string HintName,
    bool IsFirst,
    EquatableArray<ValidatorSpec> Validators)
{
    private static readonly string[][] NamedSchemaParents = [["components", "schemas"], ["$defs"], ["definitions"]];

    /// <summary>Splits a file's validators by the named schema each belongs to, in the order the file's methods come.</summary>
    public static EquatableArray<ValidatorPart> Of(DocumentValidation validation)
    {
        var groups = new List<(string Schema, string Name, List<ValidatorSpec> Validators)>();
        var indexBySchema = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var validator in validation.Validators)
        {
            var (schema, name) = NamedSchemaOf(validator.Pointer);
            if (!indexBySchema.TryGetValue(schema, out var index))
            {
                indexBySchema[schema] = index = groups.Count;
                groups.Add((schema, name, []));
            }

            groups[index].Validators.Add(validator);
        }

        // The part for the rest of the file, whose hint name is the class's, declares the class; else the first.
        var declaring = Math.Max(groups.FindIndex(g => g.Schema.Length == 0), 0);

        // File names ignore case, as hint names do: "Order" and "order" get distinct ones.
        var stems = new NameScope(ignoreCase: true);
        var parts = new List<ValidatorPart>();
        foreach (var (schema, name, validators) in groups)
        {
            var stem = schema.Length == 0
                ? string.Empty
                : "." + stems.Claim([Identifiers.ToIdentifier(name, "Schema").TrimStart('@')], out _);
            parts.Add(new ValidatorPart(
                validation.SchemaFile,
                validation.Namespace,
                validation.ClassName,
                schema,
                validation.FullName + stem + ".g.cs",
                IsFirst: parts.Count == declaring,
                validators.ToEquatableArray()));
        }

        return parts.ToEquatableArray();
    }

    /// <summary>The pointer and name of the top-level named schema a location is in, or "" for both.</summary>
    private static (string Pointer, string Name) NamedSchemaOf(string pointer)
    {
        if (!JsonPointer.TryParse(pointer, out var tokens))
        {
            return (string.Empty, string.Empty);
        }

        foreach (var parent in NamedSchemaParents)
        {
            if (tokens.Length > parent.Length && parent.Select((token, i) => tokens[i] == token).All(same => same))
            {
                return ("/" + string.Join("/", tokens.Take(parent.Length + 1).Select(JsonPointer.Escape)), tokens[parent.Length]);
            }
        }

        return (string.Empty, string.Empty);
    }
}
