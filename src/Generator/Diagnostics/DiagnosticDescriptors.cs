using System;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: AnalyzerReleases.Shipped.md is their
/// register and docs/diagnostics.md explains each one.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Hooksmith";
    private const string HelpBase = "https://github.com/hooksmith/hooksmith/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "HSM0001",
        "Schema file is not valid JSON",
        "'{0}' is not valid JSON: {1}",
        DiagnosticSeverity.Error,
        "The file could not be read as JSON (RFC 8259). No code is generated from it; other schema files are not affected.");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "HSM0002",
        "Reference cannot be resolved",
        "The reference '{0}' cannot be resolved: {1}",
        DiagnosticSeverity.Error,
        "A $ref must point into a schema file of the compilation (a HooksmithSchema item) or a well-known meta-schema. Nothing is downloaded at build time; map remote base URIs to local files with the BaseUri item metadata. The value is bound as a raw JsonElement.");

    public static readonly DiagnosticDescriptor UnknownDialect = Create(
        "HSM0003",
        "Unknown schema dialect",
        "The dialect '{0}' is not known; the schema is read as {1}",
        DiagnosticSeverity.Warning,
        "Hooksmith knows JSON Schema draft-04, draft-06, draft-07, 2019-09 and 2020-12 and OpenAPI 3.0 and 3.1. Set $schema, or the Dialect item metadata, to one of them.");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Create(
        "HSM0004",
        "Keyword is not supported",
        "The keyword '{0}' is not supported here: {1}",
        DiagnosticSeverity.Warning,
        "The keyword is recognised but cannot be honoured in this position; it is ignored for code generation.");

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "HSM0005",
        "Generated names collide",
        "'{0}' and '{1}' both map to the C# name '{2}'; the second is named '{3}'",
        DiagnosticSeverity.Warning,
        "Two JSON names produce the same C# identifier. Hooksmith keeps both by suffixing the later one; give the schema distinct titles or property names to choose better names.");

    public static readonly DiagnosticDescriptor NotASchema = Create(
        "HSM0006",
        "File is not a schema document",
        "'{0}' is not a schema document: {1}",
        DiagnosticSeverity.Error,
        "A schema file must hold a JSON Schema (an object or a boolean) or an OpenAPI 3.x document.");

    public static readonly DiagnosticDescriptor DuplicateResource = Create(
        "HSM0007",
        "Schema resource is defined twice",
        "The schema resource '{0}' is also defined in '{1}'; references resolve to the first definition",
        DiagnosticSeverity.Warning,
        "Two schema files (or two places in one file) declare the same $id. References to it resolve to the first one in file path order.");

    public static readonly DiagnosticDescriptor DuplicateTypeName = Create(
        "HSM0008",
        "Generated type is defined twice",
        "The type '{0}' is generated from both '{1}' and '{2}'; set a different Namespace on one of the files",
        DiagnosticSeverity.Error,
        "Two schema files produce a type with the same full name. The later file's type is not generated.");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Create(
        "HSM0009",
        "Keyword has an invalid value",
        "The value of '{0}' is invalid: {1}",
        DiagnosticSeverity.Warning,
        "The keyword's value does not have the form its dialect requires, so the keyword is ignored.");

    public static readonly DiagnosticDescriptor CircularReference = Create(
        "HSM0010",
        "Reference refers to itself",
        "The reference '{0}' leads back to itself without reaching a schema; the value is bound as a raw JsonElement",
        DiagnosticSeverity.Warning,
        "A chain of $refs that never reaches a schema with content cannot be given a type.");

    public static readonly DiagnosticDescriptor FileListedTwice = Create(
        "HSM0011",
        "Schema file is listed more than once",
        "'{0}' is listed {1} times as a schema file; no code is generated from it until it is listed once",
        DiagnosticSeverity.Error,
        "The same file is included by more than one HooksmithSchema (or AdditionalFiles) item. Generating it once per item would define every type twice; remove the extra items.");

    public static readonly DiagnosticDescriptor UntranslatablePattern = Create(
        "HSM0012",
        "Pattern cannot be checked",
        "The pattern '{0}' cannot be checked: {1}; values are reported as not matching it",
        DiagnosticSeverity.Warning,
        "A 'pattern' or 'patternProperties' regular expression is either not valid ECMA-262 or uses a feature that has no equivalent in .NET regular expressions (such as \\p{Script=…}). The generated validator fails closed: a string checked against the pattern is reported as invalid.");

    public static readonly DiagnosticDescriptor OneOfBranchNeverAlone = Create(
        "HSM0013",
        "oneOf branch can never be the only match",
        "Branch {0} of this oneOf can never be the only match: every value it accepts is also accepted by branch {1}, so such values fail the oneOf",
        DiagnosticSeverity.Warning,
        "oneOf passes when exactly one branch matches. A branch that asserts nothing beyond another branch's type (a 'string' with a 'format' beside a plain 'string') accepts only values the other branch accepts too, so those values match two branches and are rejected. The schema most likely meant anyOf. The generated validator does what the schema says.");

    public static readonly DiagnosticDescriptor TypeNamedAfterFolder = Create(
        "HSM0014",
        "Type named after its folder",
        "The types '{0}' are also generated from '{1}' in the same namespace; this file's are named after its folder: '{2}'",
        DiagnosticSeverity.Warning,
        "Schema files in different folders generate a type with the same full name (two 'created.schema.json' files, say). Each is named after the folders that tell the files apart, so both are generated. Give the schemas distinct titles, or the files distinct namespaces, to choose the names yourself.");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "HSM0099",
        "Hooksmith failed on a schema file",
        "Hooksmith could not generate code for '{0}': {1}",
        DiagnosticSeverity.Error,
        "An unexpected failure inside the generator. Other schema files are not affected. Please report it with the schema file.");

    private static readonly DiagnosticDescriptor[] All =
    [
        InvalidJson, UnresolvedReference, UnknownDialect, UnsupportedKeyword, NameCollision,
        NotASchema, DuplicateResource, DuplicateTypeName, InvalidKeywordValue, CircularReference, UntranslatablePattern,
        FileListedTwice, OneOfBranchNeverAlone, TypeNamedAfterFolder, InternalError,
    ];

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "No such diagnostic.");
    }

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
