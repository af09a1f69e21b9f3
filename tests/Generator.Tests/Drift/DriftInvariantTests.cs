using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Hooksmith.Generator.Tests.Robustness;
using Xunit;
using static Hooksmith.Generator.Tests.Drift.DriftDocuments;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>What must not count as a change, and how a shared change is counted.</summary>
public sealed class DriftInvariantTests
{
    private const string Order = """
        { "type": "object", "required": ["id", "status"],
          "properties": {
            "id": { "type": "string", "maxLength": 40 },
            "status": { "type": "string", "enum": ["PAID", "OPEN"] },
            "items": { "type": "array", "items": { "type": "object", "properties": { "sku": { "type": "string" }, "qty": { "type": "integer", "minimum": 1 } }, "required": ["sku"] } },
            "paid_at": { "type": ["string", "null"], "format": "date-time" },
            "payment": { "oneOf": [{ "type": "object", "properties": { "card": { "type": "string" } } }, { "type": "object", "properties": { "cash": { "type": "boolean" } } }] }
          } }
        """;

    [Fact]
    public void Reordering_members_and_reformatting_is_no_change()
    {
        var before = WithOrder(Order);
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var after = Rewrite(before, random);
            Assert.True(DriftScenario.Diff(before, after).Changes.Count == 0, DriftScenario.Describe(DriftScenario.Diff(before, after)) + "\n" + after);
        }
    }

    [Fact]
    public void Random_schemas_reordered_and_reformatted_have_no_changes_and_never_throw()
    {
        var checkedCount = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var (text, _) = new RandomSchemas(seed).Document();
            string after;
            try
            {
                after = Rewrite(text, new Random(seed));
            }
            catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
            {
                // Duplicate member names (reordering them would change which one wins) or lone surrogates System.Text.Json will not read.
                continue;
            }

            var report = DriftScenario.Diff(text, after, EventSources.Both);
            Assert.True(report.Changes.Count == 0, $"seed {seed}:\n{DriftScenario.Describe(report)}\n{text}\n{after}");
            checkedCount++;
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} random documents could be rewritten");
    }

    [Fact]
    public void Random_edits_never_throw_and_every_change_is_complete()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var before = WithOrder(Order);
            var after = new RandomSchemas(seed).Mutate(before, 3);
            var report = DriftScenario.Diff(before, after, EventSources.Both);
            foreach (var change in report.Changes)
            {
                Assert.True(change.OldPointer is not null || change.NewPointer is not null, $"seed {seed}: {change}");
                Assert.NotEqual(DriftSeverity.None, change.Severity);
                Assert.False(string.IsNullOrEmpty(change.Message));
            }
        }
    }

    [Fact]
    public void Moving_an_inline_schema_into_a_component_is_no_change()
    {
        var inline = WithOrder("""{ "type": "object", "properties": { "status": { "type": "string", "enum": ["PAID", "OPEN"] } }, "required": ["status"] }""");
        var extracted = WithOrder("""{ "type": "object", "properties": { "status": { "$ref": "#/components/schemas/Status" } }, "required": ["status"] }""", """
            ,
                  "Status": { "type": "string", "enum": ["OPEN", "PAID"] }
            """);
        var report = DriftScenario.Diff(inline, extracted);
        Assert.True(report.Changes.All(c => c.Kind.Name == "schema-added"), DriftScenario.Describe(report));
        Assert.Equal(DriftSeverity.Info, Assert.Single(report.Changes).Severity);
        Assert.DoesNotContain(DriftScenario.Diff(extracted, inline).Changes, c => c.Kind.Name != "schema-removed");
    }

    [Fact]
    public void Moving_events_from_paths_to_webhooks_is_no_change()
    {
        var webhooks = WithOrder(Order);
        var paths = JsonNode.Parse(webhooks)!.AsObject();
        var hooks = paths["webhooks"]!.AsObject();
        var moved = new JsonObject();
        foreach (var (name, value) in hooks.ToList())
        {
            var schema = value!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone();
            moved["/" + name] = new JsonObject { ["post"] = new JsonObject { ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "the event", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } } } } } };
        }

        paths.Remove("webhooks");
        paths["paths"] = moved;
        var before = SurfaceOf(paths.ToJsonString(), EventSources.Paths);
        var after = SurfaceOf(webhooks, EventSources.Webhooks);
        Assert.Equal([Created, Updated], before.Events.Keys);
        Assert.Empty(SurfaceComparer.Compare(before, after).Changes);
    }

    [Fact]
    public void A_path_event_uses_its_request_body_before_its_response_and_is_routed_by_its_path()
    {
        const string document = """
            { "openapi": "3.0.3", "info": { "title": "x", "version": "1" },
              "paths": {
                "/EVENTS.CUSTOMER.ORDER.UPDATED": { "post": {
                  "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "a": { "type": "string" } } } } } },
                  "responses": { "200": { "content": { "application/json": { "schema": { "type": "object", "properties": { "b": { "type": "string" } } } } } } } } },
                "/EVENTS.VOUCHER.CREATED": { "post": { "responses": { "201": { "content": { "application/json": { "schema": { "type": "object", "properties": { "c": { "type": "string" } } } } } } } } },
                "/health": { "get": { "responses": { "200": { "description": "ok" } } } }
              },
              "x-webhooks": { "order.paid": { "post": { "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } } } } } }
            """;
        var paths = SurfaceOf(document, EventSources.Paths);
        Assert.Equal(["customer.order.updated", "voucher.created"], paths.Events.Keys);
        Assert.Equal(["a"], paths.Events["customer.order.updated"].Payload.Properties.Keys);
        Assert.Equal("EVENTS.CUSTOMER.ORDER.UPDATED", paths.Events["customer.order.updated"].Key);
        Assert.Equal(["order.paid"], SurfaceOf(document, EventSources.Webhooks).Events.Keys);
        Assert.Equal(3, SurfaceOf(document, EventSources.Both).Events.Count);
    }

    [Fact]
    public void A_change_in_a_shared_component_is_one_change_listing_all_its_events()
    {
        var before = WithOrder(Order);
        var after = WithOrder(Order.Replace("\"PAID\", \"OPEN\"", "\"PAID\", \"OPEN\", \"VOID\"", StringComparison.Ordinal));
        var change = Assert.Single(DriftScenario.Diff(before, after).Changes);
        Assert.Equal("enum-value-added", change.Kind.Name);
        Assert.Equal([Created, Updated], change.Events);
    }

    [Fact]
    public void A_lock_reads_back_to_the_same_surface_and_is_independent_of_order_and_whitespace()
    {
        var surface = SurfaceOf(WithOrder(Order));
        var lockText = LockFileWriter.Write(surface);
        var read = LockFileReader.Read(lockText, out var error);
        Assert.Null(error);
        Assert.Empty(SurfaceComparer.Compare(read!, surface).Changes);
        Assert.Equal(lockText, LockFileWriter.Write(read!));
        Assert.Equal(lockText, LockFileWriter.Write(SurfaceOf(Rewrite(WithOrder(Order), new Random(3)))));
        Assert.DoesNotContain("\"line\"", lockText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Voucherify_spec_compared_with_its_own_lock_has_no_changes()
    {
        foreach (var path in System.IO.Directory.GetFiles(System.IO.Path.Combine(TestPaths.SharedDir, "corpus", "voucherify"), "*.json"))
        {
            if (path.EndsWith("expected-validation.json", StringComparison.Ordinal))
            {
                continue;
            }

            var surface = DriftScenario.SurfaceOf(System.IO.File.ReadAllText(path), EventSources.Both, path);
            var read = LockFileReader.Read(LockFileWriter.Write(surface), out var error);
            Assert.Null(error);
            var report = SurfaceComparer.Compare(read!, surface);
            Assert.True(report.Changes.Count == 0, path + "\n" + DriftScenario.Describe(report));
        }
    }

    [Fact]
    public void A_lock_that_is_not_one_is_an_error_not_an_exception()
    {
        Assert.Null(LockFileReader.Read("{ \"format\": \"something-else\" }", out var wrong));
        Assert.Contains("not a Hooksmith lock", wrong, StringComparison.Ordinal);
        Assert.Null(LockFileReader.Read("{ nope", out var broken));
        Assert.NotNull(broken);
    }

    private static SchemaSurface SurfaceOf(string json, EventSources sources = EventSources.Webhooks) => DriftScenario.SurfaceOf(json, sources);

    /// <summary>The same document with every object's members shuffled, written compactly or indented.</summary>
    internal static string Rewrite(string json, Random random)
    {
        var node = JsonNode.Parse(json);
        var shuffled = Shuffle(node, random);
        return shuffled?.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0 }) ?? "null";
    }

    private static JsonNode? Shuffle(JsonNode? node, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.ToList();
                obj.Clear();
                var result = new JsonObject();
                foreach (var (name, value) in members.OrderBy(_ => random.Next()))
                {
                    result[name] = Shuffle(value, random);
                }

                return result;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                var copy = new JsonArray();
                foreach (var item in items)
                {
                    copy.Add(Shuffle(item, random));
                }

                return copy;
            default:
                return node;
        }
    }
}
