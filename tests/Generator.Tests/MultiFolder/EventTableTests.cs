using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Hooksmith.Generator.Tests.Corpus;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.MultiFolder;

/// <summary>
/// Every event in the catalog is in its namespace's event table and handler interface, with the same
/// payload type: whatever the payload schema is (a union, a bare <c>$ref</c> to a component, to another
/// file, or to a schema with no type of its own).
/// </summary>
public sealed partial class EventTableTests
{
    [Fact]
    public void Bare_ref_payloads_get_a_payload_type_in_the_table()
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var tree = VendorSchemaTree.Random(seed);
            var run = GeneratorHarness.Run(tree.Files);
            Assert.True(run.CompilationProblems.Count == 0, $"seed {seed}:\n" + string.Join("\n", run.CompilationProblems));
            AssertCatalogEventsAreInTables(run, $"seed {seed}");
            Assert.Equal(tree.PayloadKinds.Count, CatalogEvents(run).Count);
        }
    }

    [Fact]
    public void A_payload_that_refers_to_a_loose_schema_binds_as_raw_json_through_a_wrapper()
    {
        var tree = VendorSchemaTree.Random(0);
        var files = tree.Files.Where(f => !f.Path.EndsWith("/event.schema.json", StringComparison.Ordinal)).Append(new SchemaFile(
            VendorSchemaTree.Root + "/ping/event.schema.json",
            """{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "event.schema.json", "$ref": "../common/anything.schema.json"}""",
            VendorSchemaTree.Namespace,
            Event: "ping"));
        var run = GeneratorHarness.Run(files);

        Assert.Empty(run.CompilationProblems);
        var table = TableEvents(run);
        Assert.Equal("Acme.GitHub.Ping", table["ping"]);
        Assert.Contains("public global::System.Text.Json.JsonElement Value { get; }", run.Source("Acme.GitHub.Ping.g.cs"), StringComparison.Ordinal);
        Assert.Contains("OnPingAsync(global::Acme.GitHub.Ping payload", run.Source("Acme.GitHub.GitHubEvents.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_that_refers_to_another_files_type_uses_that_type()
    {
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/v/common/user.schema.json", """{"$id": "user.schema.json", "title": "User", "type": "object", "properties": {"login": {"type": "string"}}}""", "Acme"),
            new SchemaFile("/v/member/event.schema.json", """{"$id": "event.schema.json", "$ref": "../common/user.schema.json"}""", "Acme", Event: "member"),
        ]);

        Assert.Empty(run.CompilationProblems);
        Assert.Equal("Acme.User", TableEvents(run)["member"]);
        Assert.DoesNotContain("Acme.Member.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Voucherify_catalog_events_are_all_in_the_tables()
    {
        var files = Directory.GetFiles(CorpusFiles.Voucherify, "*.json")
            .Where(p => !p.EndsWith("expected-validation.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SchemaFile(p, File.ReadAllText(p), "Vendor." + TestSuiteCases.NamePart(Path.GetFileNameWithoutExtension(p))));
        var run = GeneratorHarness.Run(files);

        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        AssertCatalogEventsAreInTables(run, "voucherify");
    }

    [Fact]
    public void Adyen_catalog_events_are_all_in_the_tables()
    {
        Assert.Equal(25, AdyenWebhooksRun.Files.Count);

        Assert.DoesNotContain(AdyenWebhooksRun.Problems, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        AssertCatalogEventsAreInTables(AdyenWebhooksRun.Run, "adyen");
    }

    /// <summary>The catalog's events (name, payload type) equal the tables' events, and none lacks a type.</summary>
    private static void AssertCatalogEventsAreInTables(GeneratorRun run, string what)
    {
        var catalog = CatalogEvents(run);
        var table = TableEvents(run);
        Assert.True(catalog.Count > 0, what + ": no events");
        var missing = catalog.Where(e => e.Model is null).Select(e => e.Name).ToList();
        Assert.True(missing.Count == 0, $"{what}: catalog events without a payload type: {string.Join(", ", missing)}");
        var notInTable = catalog.Where(e => !table.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        Assert.True(notInTable.Count == 0, $"{what}: {notInTable.Count} of {catalog.Count} events not in an event table: {string.Join(", ", notInTable)}");
        Assert.Equal(catalog.Select(e => e.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal), table.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var (name, type) in table)
        {
            Assert.Contains(catalog, e => e.Name == name && e.Model == type);
        }
    }

    private static List<(string Name, string? Model)> CatalogEvents(GeneratorRun run)
    {
        var catalog = run.Source("Hooksmith.Generated.HooksmithCatalog.g.cs");
        var events = catalog.Substring(catalog.IndexOf("EventCatalogEntry[]", StringComparison.Ordinal));
        return CatalogEvent().Matches(events)
            .Select(m => (Regex.Unescape(m.Groups["name"].Value), m.Groups["model"].Success ? m.Groups["model"].Value : null))
            .ToList();
    }

    /// <summary>Every event of every generated table, with its payload type; event names that are in two tables count once.</summary>
    private static Dictionary<string, string> TableEvents(GeneratorRun run)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, source) in run.Sources.Where(s => s.Value.Contains(": global::Hooksmith.Webhooks.WebhookEventTable", StringComparison.Ordinal)))
        {
            foreach (Match match in TableEvent().Matches(source))
            {
                var name = Regex.Unescape(match.Groups["name"].Value);
                var type = match.Groups["type"].Value;

                // The handler interface has a method for it.
                Assert.Contains($"Async(global::{type} payload, ", source, StringComparison.Ordinal);
                result.TryAdd(name, type);
            }
        }

        return result;
    }

    [GeneratedRegex("""new\("(?<name>(?:[^"\\]|\\.)*)", "(?:[^"\\]|\\.)*", "(?:[^"\\]|\\.)*", (?:typeof\(global::(?<model>[^)]+)\)|null), schemas\[""")]
    private static partial Regex CatalogEvent();

    [GeneratedRegex("""WebhookEventDescriptor<global::(?<type>[^>]+)> \w+ \{ get; \} = new\(\s*"(?<name>(?:[^"\\]|\\.)*)",""")]
    private static partial Regex TableEvent();
}
