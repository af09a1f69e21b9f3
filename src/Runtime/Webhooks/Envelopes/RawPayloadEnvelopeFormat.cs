using System;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// For endpoints bound to one event type whose provider sends the payload alone at the root, with no
/// envelope (Voucherify's "raw payload" distributions send <c>data</c> this way): the whole body is
/// the payload and the event type is fixed by configuration.
/// </summary>
/// <remarks>
/// The deduplication key (<see cref="WebhookEnvelope.EventId"/>) is the string or number value of a
/// configurable top-level member (default <c>id</c>), when the root is an object that has it; the last
/// occurrence wins. <see cref="WebhookEnvelope.DeliveryId"/> and <see cref="WebhookEnvelope.CreatedAt"/>
/// are always <see langword="null"/>. Any well-formed root value is accepted as the payload; a root
/// <c>null</c> gives <see cref="EnvelopeReadResult.NullPayload"/>.
/// </remarks>
public sealed class RawPayloadEnvelopeFormat : IWebhookEnvelopeFormat
{
    private readonly string _eventType;
    private readonly byte[] _idMemberUtf8;

    /// <summary>Creates the format for one event type.</summary>
    /// <param name="eventType">The event type every body of this endpoint carries.</param>
    /// <param name="idMemberName">The top-level member holding the deduplication key (default <c>id</c>).</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentNullException">A name is <see langword="null"/>.</exception>
    public RawPayloadEnvelopeFormat(string eventType, string idMemberName = "id")
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentException.ThrowIfNullOrEmpty(idMemberName);
        _eventType = eventType;
        IdMemberName = idMemberName;
        _idMemberUtf8 = System.Text.Encoding.UTF8.GetBytes(idMemberName);
    }

    /// <summary>The event type every body of this endpoint carries.</summary>
    public string EventType => _eventType;

    /// <summary>The top-level member holding the deduplication key.</summary>
    public string IdMemberName { get; }

    /// <inheritdoc/>
    public EnvelopeReadResult TryRead(ReadOnlySpan<byte> body, out WebhookEnvelope envelope)
        => EnvelopeJson.ReadSafely(body, this, static (RawPayloadEnvelopeFormat format, ReadOnlySpan<byte> bytes, out WebhookEnvelope read) => format.ReadCore(bytes, out read), out envelope);

    private EnvelopeReadResult ReadCore(ReadOnlySpan<byte> body, out WebhookEnvelope envelope)
    {
        envelope = default;
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var rootKind = reader.TokenType;
        ScalarToken id = default;
        if (rootKind == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(_idMemberUtf8))
                {
                    reader.Read();
                    id = ScalarToken.Capture(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }

        EnvelopeJson.EnsureEnd(ref reader);

        if (rootKind == JsonTokenType.Null)
        {
            envelope = new WebhookEnvelope(_eventType, null, null, null, 0, 0);
            return EnvelopeReadResult.NullPayload;
        }

        envelope = new WebhookEnvelope(_eventType, null, EnvelopeJson.NonEmptyText(body, id), null, 0, body.Length);
        return EnvelopeReadResult.Read;
    }
}
