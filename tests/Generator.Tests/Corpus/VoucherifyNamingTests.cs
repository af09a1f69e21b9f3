using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Webhooks;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// The names a team reads in Voucherify's generated code: each of the 72 events has a type named after
/// it and a handler method, components keep their keys, and the same file always gives the same names.
/// </summary>
public sealed class VoucherifyNamingTests
{
    private const string Namespace = "Vendor.Voucherify";

    [Fact]
    public void Each_event_maps_to_a_type_named_after_it_and_a_handler_method()
    {
        var (payloadComponents, eventsSharingOnePayload) = PayloadComponents();
        var assembly = VoucherifyWebhooksRun.Assembly;
        var table = (WebhookEventTable)assembly.GetType($"{Namespace}.VoucherifyEvents", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
        var handlers = assembly.GetType($"{Namespace}.IVoucherifyEventHandlers", throwOnError: true)!;

        Assert.Equal(72, table.Events.Count);
        foreach (var descriptor in table.Events)
        {
            var pascal = string.Concat(descriptor.EventType.Split('.', '_').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            var expectedType = eventsSharingOnePayload.Contains(descriptor.EventType)
                ? payloadComponents[descriptor.EventType]
                : pascal;
            Assert.Equal($"{Namespace}.{expectedType}", descriptor.PayloadType.FullName);

            var method = handlers.GetMethod($"On{pascal}Async");
            Assert.True(method is not null, $"no handler method for {descriptor.EventType}");
            Assert.Equal([descriptor.PayloadType, typeof(WebhookContext), typeof(CancellationToken)], method.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(Task), method.ReturnType);
        }

        Assert.Equal(72, handlers.GetMethods().Length);

        // The seed event, spelled out.
        Assert.Equal($"{Namespace}.CustomerOrderUpdated", table.Events.Single(e => e.EventType == "customer.order.updated").PayloadType.FullName);

        // The two reward-redemption events share one component, so it keeps the vendor's name.
        Assert.Equal(["customer.reward_redemptions.created", "customer.reward_redemptions.pending"], eventsSharingOnePayload.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Names_are_numbered_or_prefixed_only_where_the_vendor_wrote_them_so()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(VoucherifyWebhooksRun.Path));
        var keys = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var types = TypeNames(VoucherifyWebhooksRun.Run);

        Assert.DoesNotContain(types, name => name.StartsWith('_'));
        var numbered = types.Where(name => char.IsDigit(name[^1])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DefaultPayloadData1", "DefaultPayloadData2", "ValidationRuleRules01", "ValidationRuleRules02", "ValidationRuleRules03"], numbered);
        Assert.All(numbered, name => Assert.Contains(name, keys));

        // A key that starts with a number loses it; an inline enum that meets a component's name gains a word.
        Assert.Contains("ObjRewardObjectParametersCampaign", types);
        Assert.Contains("RewardTypeValue", types);
    }

    [Fact]
    public void The_same_file_always_gives_the_same_names_and_code()
    {
        var first = VoucherifyWebhooksRun.Run.Sources;
        var second = GeneratorHarness.Run([new SchemaFile(VoucherifyWebhooksRun.Path, File.ReadAllText(VoucherifyWebhooksRun.Path), Namespace: Namespace)]).Sources;

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, pair => Assert.True(pair.Value == second[pair.Key], $"{pair.Key} differs between two runs"));
    }

    private static List<string> TypeNames(GeneratorRun run)
        => run.TypeNames
            .Where(name => name.StartsWith(Namespace + ".", StringComparison.Ordinal))
            .Select(name => name.Substring(Namespace.Length + 1))
            .Where(name => name is not ("OpenApiWebhooksValidation" or "VoucherifyEvents" or "IVoucherifyEventHandlers"))
            .ToList();

    /// <summary>Each event's payload component (from the webhook's <c>$ref</c>) and the events that share one with another event.</summary>
    private static (Dictionary<string, string> ComponentByEvent, HashSet<string> Sharing) PayloadComponents()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(VoucherifyWebhooksRun.Path));
        var componentByEvent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
        {
            var reference = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var eventType = webhook.Name.Substring("EVENTS.".Length).ToLowerInvariant();
            componentByEvent[eventType] = reference.Substring(reference.LastIndexOf('/') + 1);
        }

        var sharing = componentByEvent.GroupBy(p => p.Value).Where(g => g.Count() > 1).SelectMany(g => g.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
        return (componentByEvent, sharing);
    }
}
