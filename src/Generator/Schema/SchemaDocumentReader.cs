using System;
using System.Collections.Generic;
using System.Threading;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Schema;

/// <summary>The Read stage: file text to a <see cref="SchemaDocument"/>, with syntax errors as diagnostics.</summary>
internal static class SchemaDocumentReader
{
    public static SchemaDocument Read(SchemaFileInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        var baseUri = BaseUriOf(input);
        var parsed = JsonTextReader.Parse(input.Text);
        if (parsed.Error is { } error)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, new LocationInfo(input.Path, error.Span), input.FileName, error.Message));
            return new SchemaDocument(input, null, SchemaDocumentKind.JsonSchema, SchemaDialects.Default, baseUri, diagnostics.ToEquatableArray());
        }

        var root = parsed.Root!;
        var defaultDialect = SchemaDialects.Default;
        if (input.Dialect is { Length: > 0 } configured && !SchemaDialects.TryParse(configured, out defaultDialect))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDialect, LocationInfo.StartOf(input.Path), configured, SchemaDialects.Default.DisplayName()));
            defaultDialect = SchemaDialects.Default;
        }

        if (root.IsObject && root["openapi"] is { } versionNode)
        {
            return ReadOpenApi(input, root, versionNode, baseUri, diagnostics);
        }

        if (!root.IsObject && !root.IsBoolean)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASchema, new LocationInfo(input.Path, root.Span), input.FileName, "a schema is a JSON object or a boolean"));
            return new SchemaDocument(input, null, SchemaDocumentKind.JsonSchema, defaultDialect, baseUri, diagnostics.ToEquatableArray());
        }

        var dialect = defaultDialect;
        if (root["$schema"] is { } schemaNode)
        {
            if (schemaNode.IsString && SchemaDialects.TryParse(schemaNode.Text, out var declared))
            {
                dialect = declared;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDialect, new LocationInfo(input.Path, schemaNode.Span), schemaNode.Text ?? schemaNode.ToString(), defaultDialect.DisplayName()));
            }
        }

        return new SchemaDocument(input, root, SchemaDocumentKind.JsonSchema, dialect, baseUri, diagnostics.ToEquatableArray());
    }

    private static SchemaDocument ReadOpenApi(SchemaFileInput input, JsonNode root, JsonNode versionNode, string baseUri, List<DiagnosticInfo> diagnostics)
    {
        var version = versionNode.Text ?? string.Empty;
        SchemaDocumentKind kind;
        SchemaDialect dialect;
        if (versionNode.IsString && version.StartsWith("3.0", StringComparison.Ordinal))
        {
            kind = SchemaDocumentKind.OpenApi30;
            dialect = SchemaDialect.Draft4;
        }
        else if (versionNode.IsString && version.StartsWith("3.1", StringComparison.Ordinal))
        {
            kind = SchemaDocumentKind.OpenApi31;
            dialect = SchemaDialect.Draft202012;
            if (root.GetString("jsonSchemaDialect") is { } declared)
            {
                if (SchemaDialects.TryParse(declared, out var parsed))
                {
                    dialect = parsed;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDialect, new LocationInfo(input.Path, root["jsonSchemaDialect"]!.Span), declared, dialect.DisplayName()));
                }
            }
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASchema, new LocationInfo(input.Path, versionNode.Span), input.FileName, $"OpenAPI version '{versionNode}' is not supported (3.0 and 3.1 are)"));
            return new SchemaDocument(input, null, SchemaDocumentKind.OpenApi31, SchemaDialect.Draft202012, baseUri, diagnostics.ToEquatableArray());
        }

        return new SchemaDocument(input, root, kind, dialect, baseUri, diagnostics.ToEquatableArray());
    }

    private static string BaseUriOf(SchemaFileInput input)
    {
        if (input.BaseUri is { Length: > 0 } configured)
        {
            // A base URI ending in '/' names the folder the file is published in.
            var reference = configured.EndsWith("/", StringComparison.Ordinal) ? Uri.EscapeDataString(input.FileName) : string.Empty;
            if (UriReference.TryResolve(configured, reference, out var resolved))
            {
                return UriReference.WithoutFragment(resolved);
            }
        }

        // Relative to the project, as if the project directory were the root of file:///: the same URI in
        // every clone, so generated schema locations do not depend on where the project is.
        return input.ProjectRelativePath is { } relative
            ? UriReference.FromFilePath("/" + relative)
            : UriReference.FromFilePath(input.Path);
    }
}
