using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace Hooksmith.Webhooks;

/// <summary>
/// A webhook provider described as configuration: where a delivery's event type, payload, ids and creation time are,
/// whether it is a batch, how a <c>webhooks</c> key becomes the routing value, and what the provider expects as an
/// answer. The receiver's pipeline has no code of any one provider; <see cref="WebhookProviders"/> holds the presets
/// (Voucherify, Adyen's flavours).
/// </summary>
/// <remarks>
/// Reading never throws for a body: a body that is not JSON is <see cref="EnvelopeReadResult.MalformedJson"/>, a value
/// that is absent or of another kind counts as absent. Of duplicate members the last one wins. Set the properties
/// before the first delivery is read: the pointers are compiled then.
/// </remarks>
public sealed class WebhookProvider : IWebhookEnvelopeFormat
{
    private Compiled? _compiled;

    /// <summary>The provider's name, for logs (<c>Voucherify</c>, <c>Adyen classic</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Where the event type is: the first source holding a non-empty string wins (<c>/event/type</c>, then <c>/type</c>);
    /// a <see cref="WebhookValueSource.Fixed"/> source always holds one, so listed last it is the fallback.
    /// </summary>
    public IReadOnlyList<WebhookValueSource> EventType { get; init; } = [];

    /// <summary>The JSON Pointer of the payload (<c>/data</c>); empty for the whole body (or the whole batch item).</summary>
    public string Payload { get; init; } = string.Empty;

    /// <summary>
    /// The JSON Pointers of the event's id, the deduplication key. Several are joined with <see cref="KeySeparator"/>
    /// (an absent one as empty); none present means the event has no id. Strings and numbers are taken; a value of
    /// another kind counts as absent.
    /// </summary>
    public IReadOnlyList<string> EventId { get; init; } = [];

    /// <summary>The JSON Pointers of the delivery's id, joined like <see cref="EventId"/>; the deduplication key when the event has no id.</summary>
    public IReadOnlyList<string> DeliveryId { get; init; } = [];

    /// <summary>The JSON Pointers of the creation time: the first readable date wins.</summary>
    public IReadOnlyList<string> CreatedAt { get; init; } = [];

    /// <summary>What joins the values of several id pointers. Default <c>:</c>.</summary>
    public string KeySeparator { get; init; } = ":";

    /// <summary>Null for one event per delivery; the batch's shape otherwise (the pointers above are then relative to each item).</summary>
    public WebhookBatchShape? Batch { get; init; }

    /// <summary>How a <c>webhooks</c> key becomes the value of the event type in deliveries.</summary>
    public WebhookEventKeyNaming EventKeys { get; init; } = WebhookEventKeyNaming.AsWritten;

    /// <summary>
    /// The body of a 2xx answer, sent as <c>text/plain</c> (Adyen's classic webhooks expect <c>[accepted]</c>); null
    /// answers every outcome with the JSON outcome <c>{"outcome", "eventType", "detail"}</c>.
    /// </summary>
    public string? AcknowledgementText { get; init; }

    /// <inheritdoc/>
    /// <remarks>Header sources of the event type are not consulted here (there are no headers); see <see cref="Read"/>.</remarks>
    public EnvelopeReadResult TryRead(ReadOnlySpan<byte> body, out WebhookEnvelope envelope) => Read(body, null, out envelope);

    /// <summary>Reads a delivery of one event.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="headers">The request headers, for an event type carried in a header; null when there are none.</param>
    /// <param name="envelope">The envelope when the result is <see cref="EnvelopeReadResult.Read"/>, <see cref="EnvelopeReadResult.MissingPayload"/> or <see cref="EnvelopeReadResult.NullPayload"/>.</param>
    public EnvelopeReadResult Read(ReadOnlySpan<byte> body, IWebhookHeaders? headers, out WebhookEnvelope envelope)
    {
        var compiled = Compile();
        return EnvelopeJson.ReadSafely(body, (compiled, headers), static ((Compiled Compiled, IWebhookHeaders? Headers) state, ReadOnlySpan<byte> bytes, out WebhookEnvelope read) =>
        {
            read = default;
            var root = CheckWellFormed(bytes);
            if (root != JsonTokenType.StartObject && state.Compiled.NeedsObjectRoot)
            {
                return EnvelopeReadResult.NotAnObject;
            }

            return state.Compiled.ReadItem(bytes, 0, state.Headers, out read);
        }, out envelope);
    }

    /// <summary>Reads a batch delivery into its items (<see cref="Batch"/> must be set).</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="headers">The request headers; null when there are none.</param>
    /// <param name="items">The items, in the array's order; each says whether it could be read.</param>
    /// <returns><see cref="EnvelopeReadResult.Read"/> when the body is a batch (with at least one item), else what is wrong with it.</returns>
    /// <exception cref="InvalidOperationException">The provider has no <see cref="Batch"/>.</exception>
    public EnvelopeReadResult ReadBatch(ReadOnlyMemory<byte> body, IWebhookHeaders? headers, out IReadOnlyList<WebhookBatchItem> items)
    {
        var compiled = Compile();
        if (compiled.ItemsPointer is null)
        {
            throw new InvalidOperationException($"The provider {Name} has no batch shape.");
        }

        var found = new List<WebhookBatchItem>();
        items = found;
        var result = EnvelopeJson.ReadSafely(body.Span, (compiled, headers, body, found), static ((Compiled Compiled, IWebhookHeaders? Headers, ReadOnlyMemory<byte> Body, List<WebhookBatchItem> Found) state, ReadOnlySpan<byte> bytes, out WebhookEnvelope unused) =>
        {
            unused = default;
            if (CheckWellFormed(bytes) != JsonTokenType.StartObject)
            {
                return EnvelopeReadResult.NotAnObject;
            }

            return state.Compiled.ReadItems(state.Body, state.Headers, state.Found);
        }, out _);
        if (result != EnvelopeReadResult.Read)
        {
            found.Clear();
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private Compiled Compile()
    {
        var compiled = Volatile.Read(ref _compiled);
        if (compiled is null)
        {
            compiled = new Compiled(this);
            Volatile.Write(ref _compiled, compiled);
        }

        return compiled;
    }

    // The whole body through one reader pass: afterwards the pointer walks read a text known to be well formed.
    private static JsonTokenType CheckWellFormed(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var root = reader.TokenType;
        reader.Skip();
        EnvelopeJson.EnsureEnd(ref reader);
        return root;
    }

    /// <summary>The description with its pointers parsed.</summary>
    private sealed class Compiled
    {
        private readonly (byte[][]? Pointer, string? Header, string? Fixed)[] _eventType;
        private readonly byte[][] _payload;
        private readonly byte[][][] _eventId;
        private readonly byte[][][] _deliveryId;
        private readonly byte[][][] _createdAt;
        private readonly byte[][]? _itemPointer;
        private readonly string _separator;
        private readonly WebhookBatchItemPayload _itemPayload;

        // Every pointer an item is read through, located in one pass: the event type's body sources, then the
        // creation times, the payload, the delivery id's and the event id's parts, at the offsets below.
        private readonly byte[][][] _all;
        private readonly int[] _eventTypeAt;
        private readonly int _createdAtAt;
        private readonly int _payloadAt;
        private readonly int _deliveryIdAt;
        private readonly int _eventIdAt;

        public Compiled(WebhookProvider provider)
        {
            _eventType = new (byte[][]?, string?, string?)[provider.EventType.Count];
            for (var i = 0; i < _eventType.Length; i++)
            {
                var source = provider.EventType[i];
                _eventType[i] = source switch
                {
                    { FixedValue: { } constant } => (null, null, constant),
                    { Header: { } header } => (null, header, null),
                    _ => (JsonPointerLocator.Parse(source.Pointer ?? string.Empty), null, null),
                };
            }

            _payload = JsonPointerLocator.Parse(provider.Payload);
            _eventId = ParseAll(provider.EventId);
            _deliveryId = ParseAll(provider.DeliveryId);
            _createdAt = ParseAll(provider.CreatedAt);
            _separator = provider.KeySeparator ?? string.Empty;
            if (provider.Batch is { } batch)
            {
                ItemsPointer = JsonPointerLocator.Parse(batch.ItemsPointer);
                _itemPointer = JsonPointerLocator.Parse(batch.ItemPointer);
                _itemPayload = batch.ItemPayload;
            }

            var all = new List<byte[][]>();
            _eventTypeAt = new int[_eventType.Length];
            for (var i = 0; i < _eventType.Length; i++)
            {
                _eventTypeAt[i] = _eventType[i].Pointer is { } pointer ? Add(all, [pointer]) : -1;
            }

            _createdAtAt = Add(all, _createdAt);
            _payloadAt = Add(all, [_payload]);
            _deliveryIdAt = Add(all, _deliveryId);
            _eventIdAt = Add(all, _eventId);
            _all = all.ToArray();

            NeedsObjectRoot = _payload.Length > 0 || _eventId.Length > 0 || _deliveryId.Length > 0 || _createdAt.Length > 0 || Array.Exists(_eventType, e => e.Pointer is not null);
        }

        public byte[][]? ItemsPointer { get; }

        public bool NeedsObjectRoot { get; }

        private static int Add(List<byte[][]> all, byte[][][] pointers)
        {
            var at = all.Count;
            all.AddRange(pointers);
            return at;
        }

        private static byte[][][] ParseAll(IReadOnlyList<string> pointers)
        {
            var parsed = new byte[pointers.Count][][];
            for (var i = 0; i < parsed.Length; i++)
            {
                parsed[i] = JsonPointerLocator.Parse(pointers[i]);
            }

            return parsed;
        }

        /// <summary>Reads one event whose root is <paramref name="root"/>; the payload's offset is shifted by <paramref name="shift"/>.</summary>
        public EnvelopeReadResult ReadItem(ReadOnlySpan<byte> root, int shift, IWebhookHeaders? headers, out WebhookEnvelope envelope)
        {
            Span<JsonValueLocation> found = _all.Length <= 16 ? stackalloc JsonValueLocation[16] : new JsonValueLocation[_all.Length];
            JsonPointerLocator.LocateAll(root, _all, found);
            string? eventType = null;
            for (var i = 0; i < _eventType.Length; i++)
            {
                var (pointer, header, constant) = _eventType[i];
                if (constant is not null)
                {
                    eventType = constant;
                    break;
                }

                if (pointer is not null)
                {
                    var location = found[_eventTypeAt[i]];
                    if (location.Kind == JsonTokenType.String && location.ScalarText(root) is { Length: > 0 } text)
                    {
                        eventType = text;
                        break;
                    }
                }
                else if (header is not null && headers is not null && headers.TryGetValue(header, out var value) && value.Trim() is { Length: > 0 } trimmed)
                {
                    eventType = trimmed;
                    break;
                }
            }

            DateTimeOffset? created = null;
            for (var i = 0; i < _createdAt.Length; i++)
            {
                var location = found[_createdAtAt + i];
                if (location.Kind == JsonTokenType.String && EnvelopeJson.Date(root, location) is { } date)
                {
                    created = date;
                    break;
                }
            }

            var payload = found[_payloadAt];
            var result = payload.Kind switch
            {
                JsonTokenType.None => EnvelopeReadResult.MissingPayload,
                JsonTokenType.Null => EnvelopeReadResult.NullPayload,
                _ => EnvelopeReadResult.Read,
            };
            var (offset, length) = result == EnvelopeReadResult.Read ? (payload.Start + shift, payload.Length) : (0, 0);
            envelope = new WebhookEnvelope(eventType, Joined(root, found.Slice(_deliveryIdAt, _deliveryId.Length)), Joined(root, found.Slice(_eventIdAt, _eventId.Length)), created, offset, length);
            return result;
        }

        private string? Joined(ReadOnlySpan<byte> root, ReadOnlySpan<JsonValueLocation> locations)
        {
            if (locations.Length == 0)
            {
                return null;
            }

            if (locations.Length == 1)
            {
                var single = IdText(root, locations[0]);
                return string.IsNullOrEmpty(single) ? null : single;
            }

            var any = false;
            var parts = new string?[locations.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = IdText(root, locations[i]);
                any |= !string.IsNullOrEmpty(parts[i]);
            }

            // An absent part is joined as empty.
            return any ? string.Join(_separator, parts) : null;
        }

        // Ids are strings or numbers; any other kind counts as absent (as Voucherify's reader has always taken them).
        private static string? IdText(ReadOnlySpan<byte> root, JsonValueLocation location)
            => location.Kind is JsonTokenType.String or JsonTokenType.Number ? location.ScalarText(root) : null;

        public EnvelopeReadResult ReadItems(ReadOnlyMemory<byte> body, IWebhookHeaders? headers, List<WebhookBatchItem> found)
        {
            var bytes = body.Span;
            var array = JsonPointerLocator.Locate(bytes, ItemsPointer!);
            if (array.Kind != JsonTokenType.StartArray)
            {
                return array.Kind == JsonTokenType.Null ? EnvelopeReadResult.NullPayload : EnvelopeReadResult.MissingPayload;
            }

            var reader = new Utf8JsonReader(bytes.Slice(array.Start, array.Length));
            reader.Read();
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var elementStart = array.Start + (int)reader.TokenStartIndex;
                reader.Skip();
                var elementLength = array.Start + (int)reader.BytesConsumed - elementStart;
                found.Add(ReadElement(body, headers, index++, array, elementStart, elementLength));
            }

            return found.Count == 0 ? EnvelopeReadResult.MissingPayload : EnvelopeReadResult.Read;
        }

        private WebhookBatchItem ReadElement(ReadOnlyMemory<byte> body, IWebhookHeaders? headers, int index, JsonValueLocation array, int elementStart, int elementLength)
        {
            ReadOnlyMemory<byte> itemBody;
            int elementInItemBody;
            if (_itemPayload == WebhookBatchItemPayload.SingleItemBatch)
            {
                // The body with the array's content replaced by this one element: a batch of one, spliced from the
                // original bytes so that every other member stays exactly as sent.
                var bytes = body.Span;
                var arrayContentStart = array.Start + 1;
                var arrayEnd = array.Start + array.Length - 1;
                var spliced = new byte[arrayContentStart + elementLength + (bytes.Length - arrayEnd)];
                bytes[..arrayContentStart].CopyTo(spliced);
                bytes.Slice(elementStart, elementLength).CopyTo(spliced.AsSpan(arrayContentStart));
                bytes[arrayEnd..].CopyTo(spliced.AsSpan(arrayContentStart + elementLength));
                itemBody = spliced;
                elementInItemBody = arrayContentStart;
            }
            else
            {
                itemBody = body.Slice(elementStart, elementLength);
                elementInItemBody = 0;
            }

            var element = itemBody.Slice(elementInItemBody, elementLength);
            var item = JsonPointerLocator.Locate(element.Span, _itemPointer!);
            if (item.Kind != JsonTokenType.StartObject)
            {
                var missing = item.Kind == JsonTokenType.Null ? EnvelopeReadResult.NullPayload : item.Kind == JsonTokenType.None ? EnvelopeReadResult.MissingPayload : EnvelopeReadResult.NotAnObject;
                return new WebhookBatchItem(index, missing, default, itemBody, ReadOnlyMemory<byte>.Empty);
            }

            var itemBytes = element.Slice(item.Start, item.Length);
            var read = ReadItem(itemBytes.Span, elementInItemBody + item.Start, headers, out var envelope);
            if (read == EnvelopeReadResult.Read && _itemPayload == WebhookBatchItemPayload.SingleItemBatch)
            {
                envelope = new WebhookEnvelope(envelope.EventType, envelope.DeliveryId, envelope.EventId, envelope.CreatedAt, 0, itemBody.Length);
            }

            return new WebhookBatchItem(index, read, envelope, itemBody, itemBytes);
        }
    }
}
