using System;
using System.Collections.Generic;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// One generated file of a schema file: the types of one named schema (<see cref="NamedSchema"/>) or of the rest of
/// the file, followed by the validator methods of the same schema. A file per named schema rather than per type keeps
/// the file count, and with it the compiler's per-file cost, in proportion to the schemas a provider names; an edit
/// inside one named schema still re-emits only that schema's file.
/// </summary>
/// <param name="HintName">The file's name: its principal type's full name (the type of the named schema itself when it
/// has one), or the validator part's own name when the schema has no type.</param>
/// <param name="Schema">The named schema's pointer (<c>/components/schemas/Order</c>), or "" for the rest of the file.</param>
/// <param name="Types">The types, in the plan's order.</param>
/// <param name="Validators">The validator methods of the same schema, if any.</param>
internal sealed record SchemaOutput(string HintName, string Schema, EquatableArray<TypeSpec> Types, ValidatorPart? Validators)
{
    /// <summary>The schema file the code comes from, as the types and validators quote it.</summary>
    public string SchemaFile => Types.Count > 0 ? Types[0].SchemaFile : Validators?.SchemaFile ?? string.Empty;

    /// <summary>Splits a linked plan's types and validators into its generated files, in the order of its types, then of its validator-only parts.</summary>
    public static EquatableArray<SchemaOutput> Of(EquatableArray<TypeSpec> planTypes, DocumentValidation validation)
    {
        // Types are grouped by namespace as well: one file has one namespace declaration.
        var groups = new List<(string Namespace, string Schema, List<TypeSpec> Types)>();
        var indexByKey = new Dictionary<(string Namespace, string Schema), int>();
        foreach (var type in planTypes)
        {
            var key = (type.Namespace, NamedSchema.Of(type.SchemaPointer).Pointer);
            if (!indexByKey.TryGetValue(key, out var index))
            {
                indexByKey[key] = index = groups.Count;
                groups.Add((key.Namespace, key.Pointer, []));
            }

            groups[index].Types.Add(type);
        }

        var parts = ValidatorPart.Of(validation);
        var partOf = new ValidatorPart?[groups.Count];
        var outputs = new List<SchemaOutput>(groups.Count + parts.Count);
        var alone = new List<ValidatorPart>();
        foreach (var part in parts)
        {
            if (indexByKey.TryGetValue((part.Namespace, part.Schema), out var index))
            {
                partOf[index] = part;
            }
            else
            {
                alone.Add(part);
            }
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var (_, schema, types) = groups[i];
            outputs.Add(new SchemaOutput(Principal(types, schema).FullName + ".g.cs", schema, types.ToEquatableArray(), partOf[i]));
        }

        foreach (var part in alone)
        {
            outputs.Add(new SchemaOutput(part.HintName, part.Schema, EquatableArray<TypeSpec>.Empty, part));
        }

        return outputs.ToEquatableArray();
    }

    /// <summary>The type the file is named after: the named schema's own type, else the first (the rest of a file: its root's, when it has one).</summary>
    private static TypeSpec Principal(List<TypeSpec> types, string schema)
    {
        foreach (var type in types)
        {
            if (string.Equals(type.SchemaPointer, schema, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return types[0];
    }
}
