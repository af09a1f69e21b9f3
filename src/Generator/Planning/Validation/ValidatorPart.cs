using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;

namespace Hooksmith.Generator.Planning.Validation;

/// <summary>
/// The validator methods of one schema a file names (see <see cref="NamedSchema"/>), with everything under it, or of
/// the rest of the file: one declaration of the file's partial validation class. It is written into the generated
/// file of the same named schema's types (<see cref="SchemaOutput"/>), or into a file of its own when the named
/// schema has no type. An edit inside one schema changes only its part, so only that part's file is emitted again.
/// </summary>
/// <param name="Schema">The named schema's pointer (<c>/components/schemas/Order</c>), or "" for the rest of the file.</param>
/// <param name="HintName">The name of its file when it has one of its own.</param>
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
    /// <summary>Splits a file's validators by the named schema each belongs to, in the order the file's methods come.</summary>
    public static EquatableArray<ValidatorPart> Of(DocumentValidation validation)
    {
        var groups = new List<(string Schema, string Name, List<ValidatorSpec> Validators)>();
        var indexBySchema = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var validator in validation.Validators)
        {
            var (schema, name) = NamedSchema.Of(validator.Pointer);
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
}
