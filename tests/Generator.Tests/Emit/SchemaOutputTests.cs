using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Planning.Validation;
using Hooksmith.Generator.Tests.Infrastructure;
using Xunit;

namespace Hooksmith.Generator.Tests.Emit;

/// <summary>
/// Generated code is one file per named schema (<see cref="SchemaOutput"/>): the schema's types, then its validators.
/// Over random sets of JSON Schema and OpenAPI files (named schemas whose names clash in case or across files that share a
/// namespace, inline objects, enums and arrays under them, references between them, webhook payloads inline or by
/// reference), the files must split each file's plan exactly: every type and every validator part in one file, none in
/// two; a file's types from one named schema and one namespace, with that schema's validators; the file named after the
/// schema's own type; no two files whose names differ only in case; and the whole still compiles without a warning.
/// </summary>
public sealed class SchemaOutputTests
{
    private static readonly string[] DefinitionNames = ["Order", "order", "Amount", "amount_v2", "2fa", "Line-Item", "Uber", "Shipping", "x"];

    [Fact]
    public void Each_files_types_and_validators_go_to_exactly_one_generated_file_of_their_named_schema()
    {
        var compiled = 0;
        Gen.Int.Sample(seed => compiled += Check(RandomFiles(new Random(seed))) ? 1 : 0, iter: 30, threads: 1);
        Assert.True(compiled >= 10, $"only {compiled} of 30 sets were free of HSM0008 and compiled");
    }

    [Fact]
    public void A_file_without_named_schemas_is_one_generated_file()
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/order.json", """
            {"title": "Order", "type": "object", "properties": {"status": {"enum": ["open", "paid"]}, "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}}}
            """, "Shop")]);

        Assert.Empty(run.CompilationProblems);
        Assert.Equal(["Hooksmith.Generated.HooksmithCatalog.g.cs", "Shop.Order.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Hooksmith.Generated.HooksmithCatalog", "Shop.Order", "Shop.OrderLine", "Shop.OrderStatus", "Shop.OrderValidation"], run.TypeNames);
    }

    /// <summary>Checks one set of files; returns whether its generated code was compiled (no HSM0008).</summary>
    private static bool Check(List<SchemaFile> files)
    {
        var run = GeneratorHarness.Run(files);
        var description = string.Join("\n", files.Select(f => $"{f.Path} ({f.Namespace}): {f.Text}"));
        // Two files of one namespace that name the same type are an error (HSM0008) that keeps one of the two; nothing else may fail.
        Assert.True(run.Diagnostics.All(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Id == "HSM0008"), description + "\n" + string.Join("\n", run.Diagnostics));
        // After HSM0008 a reference from the file whose type was dropped may expect the other kind of type (a struct for a
        // record): the build has failed already, on that error. Otherwise the generated code compiles without a warning.
        var compiles = !run.Diagnostics.Any(d => d.Id == "HSM0008");
        if (compiles)
        {
            Assert.True(run.CompilationProblems.Count == 0, description + "\n" + string.Join("\n", run.CompilationProblems));
        }

        var hintNames = run.Sources.Keys.ToList();
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var plans = run.Result.TrackedSteps[TrackingNames.Link].SelectMany(step => step.Outputs).Select(output => (LinkedPlan)output.Value).ToList();
        Assert.Equal(files.Count, plans.Count);
        foreach (var plan in plans)
        {
            var outputs = SchemaOutput.Of(plan.Types, plan.Validation);

            // A partition: every type once, every validator part once.
            Assert.Equal(plan.Types.Select(t => t.FullName).Order(StringComparer.Ordinal), outputs.SelectMany(o => o.Types).Select(t => t.FullName).Order(StringComparer.Ordinal));
            Assert.Equal(ValidatorPart.Of(plan.Validation).OrderBy(p => p.HintName, StringComparer.Ordinal), outputs.Where(o => o.Validators is not null).Select(o => o.Validators!).OrderBy(p => p.HintName, StringComparer.Ordinal));
            Assert.Equal(outputs.Count, outputs.Select(o => (o.Types.Count > 0 ? o.Types[0].Namespace : o.Validators!.Namespace, o.Schema)).Distinct().Count());

            foreach (var output in outputs)
            {
                Assert.Contains(output.HintName, hintNames);
                Assert.All(output.Types, type => Assert.Equal(output.Schema, NamedSchema.Of(type.SchemaPointer).Pointer));
                Assert.All(output.Types, type => Assert.Equal(output.Types[0].Namespace, type.Namespace));
                Assert.All(output.Types, type => Assert.Equal(output.HintName, run.FileOf(type.FullName)));
                if (output.Validators is { } part)
                {
                    Assert.Equal(output.Schema, part.Schema);
                    Assert.Contains($"internal static partial class {part.ClassName}", run.Source(output.HintName), StringComparison.Ordinal);
                }

                var own = output.Types.FirstOrDefault(t => t.SchemaPointer == output.Schema);
                var expected = own is not null ? own.FullName + ".g.cs" : output.Types.Count > 0 ? output.Types[0].FullName + ".g.cs" : output.Validators!.HintName;
                Assert.Equal(expected, output.HintName);
            }
        }

        return compiles;
    }

    /// <summary>One to three files, JSON Schema or OpenAPI, a quarter of them in a namespace they may share.</summary>
    private static List<SchemaFile> RandomFiles(Random random)
    {
        var files = new List<SchemaFile>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var openApi = random.Next(2) == 0;
            var names = DefinitionNames.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToList();
            var text = openApi ? OpenApi(random, names, i) : JsonSchema(random, names, i);
            files.Add(new SchemaFile($"/s/file{i}.json", text, random.Next(4) == 0 ? "Shop" : "Shop.File" + i));
        }

        return files;
    }

    private static string JsonSchema(Random random, List<string> names, int index)
    {
        var definitions = string.Join(", ", names.Select(n => $"\"{n}\": {Schema(random, names, "#/$defs/", 0)}"));
        return "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"Root" + index + "\", \"type\": \"object\", "
            + "\"properties\": {\"a\": " + Schema(random, names, "#/$defs/", 1) + ", \"b\": " + Schema(random, names, "#/$defs/", 1) + "}, "
            + "\"$defs\": {" + definitions + "}}";
    }

    private static string OpenApi(Random random, List<string> names, int index)
    {
        var schemas = string.Join(", ", names.Select(n => $"\"{n}\": {Schema(random, names, "#/components/schemas/", 0)}"));
        var webhooks = new List<string>();
        for (var i = 0; i < random.Next(1, 3); i++)
        {
            var payload = names.Count > 0 && random.Next(2) == 0
                ? $"{{\"$ref\": \"#/components/schemas/{names[random.Next(names.Count)]}\"}}"
                : Object(random, names, "#/components/schemas/", 1);
            webhooks.Add("\"evt" + index + ".e" + i + "\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + payload + "}}}}}");
        }

        return "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"t" + index + "\", \"version\": \"1\"}, "
            + "\"webhooks\": {" + string.Join(", ", webhooks) + "}, \"components\": {\"schemas\": {" + schemas + "}}}";
    }

    private static string Schema(Random random, List<string> names, string refBase, int depth)
        => (depth >= 3 ? random.Next(4) : random.Next(7)) switch
        {
            0 => """{"type": "string", "maxLength": 20}""",
            1 => """{"type": "integer", "minimum": 0}""",
            2 => """{"type": "string", "enum": ["open", "paid", "void"]}""",
            3 when names.Count > 0 => $"{{\"$ref\": \"{refBase}{names[random.Next(names.Count)]}\"}}",
            3 => """{"type": "boolean"}""",
            4 => $"{{\"type\": \"array\", \"items\": {Schema(random, names, refBase, depth + 1)}}}",
            _ => Object(random, names, refBase, depth),
        };

    private static string Object(Random random, List<string> names, string refBase, int depth)
    {
        var properties = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            properties.Append(i == 0 ? string.Empty : ", ").Append($"\"p{i}\": ").Append(Schema(random, names, refBase, depth + 1));
        }

        var required = count > 1 ? "\"p1\"" : string.Empty;
        return $"{{\"type\": \"object\", \"properties\": {{{properties}}}, \"required\": [{required}]}}";
    }
}
