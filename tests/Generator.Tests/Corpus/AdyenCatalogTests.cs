using System;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests.Catalog;
using Hooksmith.Validation;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// The catalog of Adyen's 25 specs in one project: 223 events with 126 names, each with its file, namespace and
/// the payload type its event table binds; a name that several files share is an error listing them all, and a
/// look-up by file or namespace finds the file's own event. Keys are kept as written (<c>/AUTHORISATION</c>), and
/// the default event type drops the leading slash and keeps the case (<c>AUTHORISATION</c>, as <c>eventCode</c> says).
/// </summary>
public sealed class AdyenCatalogTests
{
    [Fact]
    public void Every_event_has_its_files_payload_type_and_is_found_by_file_and_namespace()
    {
        var assembly = AdyenWebhooksRun.Assembly;
        var catalog = EventCatalogLookupTests.CatalogOf(assembly);

        Assert.Equal(223, catalog.Events.Count);
        Assert.Equal(126, catalog.Events.Select(e => e.Key).Distinct().Count());
        foreach (var file in AdyenWebhooksRun.Files)
        {
            var name = Path.GetFileName(file.Path);
            var @namespace = AdyenWebhooksRun.NamespaceOf(file.Path);
            var table = EventCatalogLookupTests.TableIn(assembly, @namespace);
            var events = catalog.Events.Where(e => e.Namespace == @namespace).ToList();
            Assert.Equal(table.Events.Count, events.Count);
            foreach (var entry in events)
            {
                Assert.EndsWith("/" + name, entry.SourceFile, StringComparison.Ordinal);
                Assert.Same(entry, catalog.FindEvent(name, entry.Key));
                Assert.Same(entry, catalog.FindEvent(name, entry.EventName));
                Assert.Same(entry, catalog.FindEventInNamespace(@namespace, entry.EventName));
                Assert.True(table.TryGet(entry.EventName, out var descriptor));
                Assert.Equal(entry.Key, descriptor.Key);
                Assert.NotNull(entry.PayloadType);
                Assert.Equal(descriptor.PayloadType, entry.PayloadType);
                Assert.Equal(@namespace, entry.PayloadType.Namespace);
            }
        }
    }

    [Fact]
    public void A_name_several_files_share_is_ambiguous_and_lists_every_file()
    {
        var catalog = EventCatalogLookupTests.CatalogOf(AdyenWebhooksRun.Assembly);
        var shared = 0;
        foreach (var group in catalog.Events.GroupBy(e => e.Key))
        {
            Assert.Equal(group.Count() == 1, catalog.TryFindEvent(group.Key, out var entry, out var candidates));
            Assert.Equal(group, candidates);
            if (group.Count() == 1)
            {
                Assert.Same(group.Single(), entry);
                Assert.Same(entry, catalog.FindEvent(group.Key));
                continue;
            }

            shared++;
            var error = Assert.Throws<AmbiguousEventException>(() => catalog.FindEvent(group.Key));
            Assert.Equal(group, error.Candidates);
            Assert.Contains(group.First().SourceFile, error.Message, StringComparison.Ordinal);
        }

        Assert.True(shared > 0);
        var transfer = catalog.FindEvents("balancePlatform.transfer.created");
        Assert.True(transfer.Count > 1);
        Assert.Equal(transfer.Select(e => e.Namespace).Distinct().Count(), transfer.Count);
    }

    [Fact]
    public void Classic_keys_are_kept_as_written_and_route_as_their_event_code()
    {
        var catalog = EventCatalogLookupTests.CatalogOf(AdyenWebhooksRun.Assembly);

        var authorisation = catalog.FindEvent("Webhooks-v1.json", "/AUTHORISATION");
        Assert.NotNull(authorisation);
        Assert.Equal("/AUTHORISATION", authorisation.Key);
        Assert.Equal("AUTHORISATION", authorisation.EventName);
        Assert.Same(authorisation, catalog.FindEvent("AUTHORISATION"));
        Assert.All(catalog.Events.Where(e => e.Key.StartsWith('/')), e => Assert.Equal(e.Key[1..], e.EventName));
        Assert.All(catalog.Events.Where(e => !e.Key.StartsWith('/')), e => Assert.Equal(e.Key, e.EventName));
    }
}
