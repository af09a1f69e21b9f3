using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hooksmith.Webhooks;

/// <summary>
/// The receiver's traces and metrics, under the name <c>Hooksmith.Webhooks</c>: an activity per delivery,
/// counts of deliveries by outcome, signature failures, unknown events, duplicates, invalid payloads and deduplication keys evicted early,
/// and the handlers' duration.
/// </summary>
public static class WebhookTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Hooksmith.Webhooks";

    /// <summary>Starts an activity per delivery.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, ThisVersion);

    /// <summary>The meter of the counters and histogram below.</summary>
    public static Meter Meter { get; } = new(Name, ThisVersion);

    internal static Counter<long> Received { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.received", "{delivery}", "Deliveries received, by outcome and event type.");

    internal static Counter<long> SignatureFailures { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.signature_failures", "{delivery}", "Deliveries whose signature was missing, malformed, expired or wrong.");

    internal static Counter<long> UnknownEvents { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.unknown_events", "{delivery}", "Deliveries of event types the schemas do not know.");

    internal static Counter<long> Duplicates { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.duplicates", "{delivery}", "Deliveries of events that were already processed or are being processed.");

    internal static Counter<long> InvalidPayloads { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.invalid_payloads", "{delivery}", "Deliveries whose payload does not match its schema, or is not JSON.");

    internal static Counter<long> DeduplicationEvictions { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.deduplication.evictions", "{key}", "Deduplication keys dropped before their retention (or lease) ran out because an in-memory store was full: retries of those events are no longer recognised.");

    internal static Counter<long> DeduplicationKeysFromBody { get; } = Meter.CreateCounter<long>("hooksmith.webhooks.deduplication.body_keys", "{delivery}", "Deliveries whose envelope has no id, deduplicated on a hash of the body instead.");

    internal static Histogram<double> HandlerDuration { get; } = Meter.CreateHistogram<double>("hooksmith.webhooks.handler.duration", "s", "How long handlers take.");

    private const string ThisVersion = "0.1.0";
}
