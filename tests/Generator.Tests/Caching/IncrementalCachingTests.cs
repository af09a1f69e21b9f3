using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Schema;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Tests.Caching;

/// <summary>
/// The generator does no work twice: an unrelated C# edit leaves every step cached, and editing one
/// schema re-runs only that schema's steps. Proven from the driver's tracked step reasons.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string OrderSchema = """
        {
          "title": "Order",
          "description": "An order.",
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "customer": { "$ref": "customer.json" }
          }
        }
        """;

    private const string CustomerSchema = """
        {
          "title": "Customer",
          "type": "object",
          "properties": { "name": { "type": "string" } }
        }
        """;

    private const string InvoiceSchema = """
        {
          "title": "Invoice",
          "type": "object",
          "properties": { "number": { "type": "integer" } }
        }
        """;

    private static readonly string[] AllSteps =
    [
        TrackingNames.SchemaFiles, TrackingNames.Read, TrackingNames.Plan, TrackingNames.Registry,
        TrackingNames.Link, TrackingNames.Outputs, TrackingNames.Catalog, TrackingNames.Diagnostics,
    ];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, IReadOnlyDictionary<string, AdditionalText> Texts) FirstRun()
    {
        var driver = GeneratorHarness.CreateDriver(
        [
            new SchemaFile("/schemas/order.json", OrderSchema, Namespace: "Shop.Orders"),
            new SchemaFile("/schemas/customer.json", CustomerSchema, Namespace: "Shop.Customers"),
            new SchemaFile("/schemas/invoice.json", InvoiceSchema, Namespace: "Shop.Invoices"),
        ], out var texts);
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public static class Program { public static int Main() => 0; } }");
        driver = driver.RunGenerators(compilation);
        return (driver, compilation, texts);
    }

    private static GeneratorRunResult RunResult(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    /// <summary>The reasons of a step's outputs, grouped by the schema file they belong to (or "*" for whole-compilation steps).</summary>
    private static Dictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .GroupBy(output => FileOf(output.Value))
            .ToDictionary(group => group.Key, group => group.Select(o => o.Reason).ToArray());

    private static string FileOf(object value) => value switch
    {
        SchemaFileInput input => input.Path,
        SchemaDocument document => document.Path,
        Planning.DocumentPlan plan => plan.Path,
        Planning.LinkedPlan plan => plan.Path,
        Planning.SchemaOutput output => output.SchemaFile,
        _ => "*",
    };

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal static class Other { } }", GeneratorHarness.ParseOptions));

        var result = RunResult(driver.RunGenerators(edited));

        foreach (var step in AllSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} output {output.Value} was {output.Reason}"));
        }

        Assert.All(result.GeneratedSources, source => Assert.NotEmpty(source.SourceText.ToString()));
    }

    [Fact]
    public void Editing_one_schema_reruns_only_that_schemas_steps()
    {
        var (driver, compilation, texts) = FirstRun();
        var old = texts["/schemas/invoice.json"];
        var changed = new InMemoryAdditionalText("/schemas/invoice.json", InvoiceSchema.Replace("\"Invoice\"", "\"Invoice\", \"description\": \"A bill.\""));

        var result = RunResult(driver.ReplaceAdditionalText(old, changed).RunGenerators(compilation));

        foreach (var step in new[] { TrackingNames.SchemaFiles, TrackingNames.Read, TrackingNames.Plan, TrackingNames.Link })
        {
            var reasons = Reasons(result, step);
            Assert.Equal([IncrementalStepRunReason.Modified], reasons["/schemas/invoice.json"]);
            Assert.Equal([IncrementalStepRunReason.Cached], reasons["/schemas/order.json"]);
            Assert.Equal([IncrementalStepRunReason.Cached], reasons["/schemas/customer.json"]);
        }

        // What other files can refer to did not change, so the registry is not rebuilt.
        Assert.All(Reasons(result, TrackingNames.Registry)["*"], reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));

        var outputs = Reasons(result, TrackingNames.Outputs);
        Assert.Equal([IncrementalStepRunReason.Modified], outputs["/schemas/invoice.json"]);
        Assert.All(outputs["/schemas/order.json"].Concat(outputs["/schemas/customer.json"]), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));

        // A description is documentation: the invoice's file is written again for its type's summary, with the same
        // validators, and the catalog is untouched.
        Assert.Equal(TrackedOutputs.ValidatorParts(RunResult(driver)), TrackedOutputs.ValidatorParts(result));
        Assert.All(Reasons(result, TrackingNames.Catalog)["*"], reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Changing_a_keyword_regenerates_only_that_schemas_validators()
    {
        var (driver, compilation, texts) = FirstRun();
        var old = texts["/schemas/invoice.json"];
        var changed = new InMemoryAdditionalText("/schemas/invoice.json", InvoiceSchema.Replace("\"type\": \"integer\"", "\"type\": \"integer\", \"minimum\": 1"));

        var result = RunResult(driver.ReplaceAdditionalText(old, changed).RunGenerators(compilation));

        var outputs = Reasons(result, TrackingNames.Outputs);
        Assert.Equal([IncrementalStepRunReason.Modified], outputs["/schemas/invoice.json"]);
        Assert.All(outputs["/schemas/order.json"].Concat(outputs["/schemas/customer.json"]), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        var invoice = result.GeneratedSources.Single(s => s.HintName == "Shop.Invoices.Invoice.g.cs").SourceText.ToString();
        Assert.Contains("global::Hooksmith.Validation.SchemaChecks.Compare(instance, 1m) < 0", invoice);
    }

    [Fact]
    public void Changing_a_keyword_in_one_named_schema_re_emits_only_that_schemas_file()
    {
        const string catalog = """
            {
              "title": "Catalog",
              "type": "object",
              "properties": { "product": { "$ref": "#/$defs/Product" }, "price": { "$ref": "#/$defs/Price" } },
              "$defs": {
                "Product": { "type": "object", "properties": { "sku": { "type": "string" } } },
                "Price": { "type": "object", "properties": { "amount": { "type": "integer" } } }
              }
            }
            """;
        var driver = GeneratorHarness.CreateDriver([new SchemaFile("/schemas/catalog.json", catalog, Namespace: "Shop")], out var texts);
        var compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);
        var before = RunResult(driver).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(["Shop.Catalog.g.cs", "Shop.Price.g.cs", "Shop.Product.g.cs"], before.Keys.Where(k => k != "Hooksmith.Generated.HooksmithCatalog.g.cs").Order());
        Assert.Contains("internal static partial class CatalogValidation", before["Shop.Product.g.cs"]);

        var changed = new InMemoryAdditionalText("/schemas/catalog.json", catalog.Replace("\"sku\": { \"type\": \"string\" }", "\"sku\": { \"type\": \"string\", \"maxLength\": 12 }"));
        var result = RunResult(driver.ReplaceAdditionalText(texts["/schemas/catalog.json"], changed).RunGenerators(compilation));

        // One of the three files changed; the other two ran and compared equal, so nothing after them ran.
        var reasons = Reasons(result, TrackingNames.Outputs)["/schemas/catalog.json"];
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, reasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(["Shop.Product.g.cs"], after.Where(pair => before[pair.Key] != pair.Value).Select(pair => pair.Key));
        Assert.Contains("maxLength", after["Shop.Product.g.cs"]);
    }

    [Fact]
    public void Changing_what_a_schema_exports_relinks_other_files_without_regenerating_their_types()
    {
        var (driver, compilation, texts) = FirstRun();
        var old = texts["/schemas/invoice.json"];
        var changed = new InMemoryAdditionalText("/schemas/invoice.json", InvoiceSchema.Replace("\"number\": { \"type\": \"integer\" }", "\"number\": { \"type\": \"integer\" }, \"paid\": { \"type\": \"boolean\" }"));

        var result = RunResult(driver.ReplaceAdditionalText(old, changed).RunGenerators(compilation));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Registry)["*"]);
        var link = Reasons(result, TrackingNames.Link);
        Assert.Equal([IncrementalStepRunReason.Modified], link["/schemas/invoice.json"]);
        Assert.Equal([IncrementalStepRunReason.Unchanged], link["/schemas/order.json"]);
        Assert.Equal([IncrementalStepRunReason.Unchanged], link["/schemas/customer.json"]);
        var outputs = Reasons(result, TrackingNames.Outputs);
        Assert.All(outputs["/schemas/order.json"].Concat(outputs["/schemas/customer.json"]), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Editing_a_referenced_schema_regenerates_the_types_that_refer_to_it()
    {
        var (driver, compilation, texts) = FirstRun();
        var old = texts["/schemas/customer.json"];
        var changed = new InMemoryAdditionalText("/schemas/customer.json", CustomerSchema.Replace("\"title\": \"Customer\"", "\"title\": \"Client\""));

        var result = RunResult(driver.ReplaceAdditionalText(old, changed).RunGenerators(compilation));

        // order.json's own steps are untouched, but its link now resolves to the renamed type.
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Plan)["/schemas/order.json"]);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Link)["/schemas/order.json"]);
        var order = result.GeneratedSources.Single(s => s.HintName == "Shop.Orders.Order.g.cs").SourceText.ToString();
        Assert.Contains("global::Shop.Customers.Client? Customer", order);
    }
}
