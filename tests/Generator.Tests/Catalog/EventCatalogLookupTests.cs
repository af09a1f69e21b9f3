using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Validation;
using Hooksmith.Webhooks;

namespace Hooksmith.Generator.Tests.Catalog;

/// <summary>
/// The catalog tells apart events of different files that share a name: each has its file, namespace and
/// payload type (the one its event table binds), a look-up by file or namespace finds it, and a look-up by a
/// name several files share is an error that lists them, never the first match. Random sets of files, each
/// with a random subset of one pool of event keys.
/// </summary>
public sealed class EventCatalogLookupTests
{
    /// <summary>Keys as providers write them, with the event type the generator routes each by default.</summary>
    private static readonly (string Key, string EventType)[] Pool =
    [
        ("order.paid", "order.paid"),
        ("balancePlatform.transfer.created", "balancePlatform.transfer.created"),
        ("/AUTHORISATION", "AUTHORISATION"),
        ("/REFUND_FAILED", "REFUND_FAILED"),
        ("EVENTS.CUSTOMER.ORDER.UPDATED", "customer.order.updated"),
        ("ACCOUNT_HOLDER_CREATED", "ACCOUNT_HOLDER_CREATED"),
    ];

    [Fact]
    public void Events_of_different_files_are_told_apart_and_a_shared_name_alone_is_ambiguous()
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var random = new Random(seed);
            var fileCount = 2 + random.Next(3);
            var files = Enumerable.Range(0, fileCount).Select(i =>
            {
                var keys = Pool.Where(_ => random.Next(2) == 0).ToList();
                if (keys.Count == 0)
                {
                    keys.Add(Pool[random.Next(Pool.Length)]);
                }

                return (Path: $"/vendor/Notification-v{i + 1}.json", Namespace: $"Acme.Vendor.NotificationV{i + 1}", Keys: keys);
            }).ToList();
            var run = GeneratorHarness.Run(files.Select(f => new SchemaFile(f.Path, OpenApi(f.Keys.Select(k => k.Key)), f.Namespace)));
            Assert.True(run.CompilationProblems.Count == 0, $"seed {seed}:\n" + string.Join("\n", run.CompilationProblems));
            var assembly = run.Load();
            var catalog = CatalogOf(assembly);

            Assert.Equal(files.Sum(f => f.Keys.Count), catalog.Events.Count);
            foreach (var file in files)
            {
                var table = TableIn(assembly, file.Namespace);
                foreach (var (key, eventType) in file.Keys)
                {
                    var entry = catalog.FindEvent(file.Path, key);
                    Assert.NotNull(entry);
                    Assert.Equal(key, entry.Key);
                    Assert.Equal(eventType, entry.EventName);
                    Assert.Equal(file.Namespace, entry.Namespace);
                    Assert.Equal(file.Path, entry.SourceFile);
                    Assert.Same(entry, catalog.FindEvent(file.Path, eventType));
                    Assert.Same(entry, catalog.FindEvent("Notification-v" + file.Path.Split("-v")[1], key));
                    Assert.Same(entry, catalog.FindEventInNamespace(file.Namespace, eventType));
                    Assert.Same(entry, catalog.FindEventInNamespace(file.Namespace, key));

                    // The catalog's payload type is the one the file's event table binds.
                    Assert.True(table.TryGet(eventType, out var descriptor), $"seed {seed}: {file.Namespace} has no {eventType}");
                    Assert.Equal(key, descriptor.Key);
                    Assert.Equal(descriptor.PayloadType, entry.PayloadType);
                    Assert.Equal(file.Namespace, entry.PayloadType!.Namespace);
                }
            }

            foreach (var (key, eventType) in Pool)
            {
                var owners = files.Where(f => f.Keys.Any(k => k.Key == key)).ToList();
                foreach (var name in new[] { key, eventType }.Distinct())
                {
                    var found = catalog.TryFindEvent(name, out var entry, out var candidates);
                    Assert.Equal(owners.Select(o => o.Namespace), candidates.Select(c => c.Namespace));
                    Assert.Equal(owners.Count == 1, found);
                    switch (owners.Count)
                    {
                        case 0:
                            Assert.Null(catalog.FindEvent(name));
                            break;
                        case 1:
                            Assert.Same(entry, catalog.FindEvent(name));
                            break;
                        default:
                            Assert.Null(entry);
                            var error = Assert.Throws<AmbiguousEventException>(() => catalog.FindEvent(name));
                            Assert.Equal(candidates, error.Candidates);
                            Assert.All(owners, o => Assert.Contains(o.Path, error.Message, StringComparison.Ordinal));
                            break;
                    }
                }
            }

            Assert.Null(catalog.FindEvent("/vendor/Notification-v1.json", "no.such.event"));
            Assert.Null(catalog.FindEventInNamespace("Acme.Elsewhere", Pool[0].Key));
        }
    }

    [Fact]
    public void A_file_path_end_that_several_files_share_is_ambiguous_for_their_common_events()
    {
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/vendor/v1/Notification.json", OpenApi(["order.paid"]), "Acme.V1"),
            new SchemaFile("/vendor/v2/Notification.json", OpenApi(["order.paid", "order.refunded"]), "Acme.V2"),
        ]);
        Assert.Empty(run.CompilationProblems);
        var catalog = CatalogOf(run.Load());

        var error = Assert.Throws<AmbiguousEventException>(() => catalog.FindEvent("Notification.json", "order.paid"));
        Assert.Equal(["Acme.V1", "Acme.V2"], error.Candidates.Select(c => c.Namespace));
        Assert.Equal("Acme.V2", catalog.FindEvent("Notification.json", "order.refunded")!.Namespace);
        Assert.Equal("Acme.V1", catalog.FindEvent("v1/Notification.json", "order.paid")!.Namespace);
        Assert.Equal("Acme.V2", catalog.FindEvent("/vendor/v2/Notification.json", "order.paid")!.Namespace);
    }

    internal static SchemaCatalog CatalogOf(Assembly assembly)
        => (SchemaCatalog)assembly.GetType("Hooksmith.Generated.HooksmithCatalog", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;

    /// <summary>The generated event table of a namespace.</summary>
    internal static WebhookEventTable TableIn(Assembly assembly, string @namespace)
        => (WebhookEventTable)assembly.GetTypes()
            .Single(t => t.Namespace == @namespace && typeof(WebhookEventTable).IsAssignableFrom(t))
            .GetProperty("Instance")!.GetValue(null)!;

    private static string OpenApi(IEnumerable<string> keys)
    {
        const string Payload = """{"type": "object", "properties": {"id": {"type": "string"}, "amount": {"type": "integer"}}}""";
        var webhooks = keys.Select(key => "\"" + key + "\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + Payload + "}}}}}");
        return """{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "webhooks": {""" + string.Join(",", webhooks) + "}}";
    }
}
