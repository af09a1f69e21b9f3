using System;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// Reads Voucherify's webhook envelope (webhook version v2024-01-01):
/// <c>{ "id", "project_id", "created_at", "type", "data", "source"?, "event"? }</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Event type: <c>event.type</c> when it is a non-empty string (distribution webhooks, whose top-level
/// <c>type</c> is a user-typed name that may be empty), else the top-level <c>type</c> (project-settings
/// webhooks), else empty.</item>
/// <item>Payload: the raw text of <c>data</c>, whatever its JSON kind.</item>
/// <item>Ids: <see cref="WebhookEnvelope.DeliveryId"/> is the top-level <c>id</c>, <see cref="WebhookEnvelope.EventId"/>
/// is <c>event.id</c>; strings or numbers are taken, empty strings and other kinds count as absent.</item>
/// <item>Creation time: the top-level <c>created_at</c>, else <c>event.created_at</c>, parsed leniently.</item>
/// <item>Members may come in any order, unknown members are skipped, and of duplicate members the last wins
/// (a later <c>event</c> replaces an earlier one as a whole).</item>
/// </list>
/// The body is read in a single <see cref="Utf8JsonReader"/> pass; nothing is allocated but the returned strings.
/// </remarks>
public sealed class VoucherifyEnvelopeFormat : IWebhookEnvelopeFormat
{
    /// <summary>The shared instance; the format has no state.</summary>
    public static VoucherifyEnvelopeFormat Instance { get; } = new();

    /// <inheritdoc/>
    public EnvelopeReadResult TryRead(ReadOnlySpan<byte> body, out WebhookEnvelope envelope)
        => EnvelopeJson.ReadSafely(body, this, static (VoucherifyEnvelopeFormat _, ReadOnlySpan<byte> bytes, out WebhookEnvelope read) => ReadCore(bytes, out read), out envelope);

    private static EnvelopeReadResult ReadCore(ReadOnlySpan<byte> body, out WebhookEnvelope envelope)
    {
        envelope = default;
        var reader = new Utf8JsonReader(body);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            EnvelopeJson.EnsureEnd(ref reader);
            return EnvelopeReadResult.NotAnObject;
        }

        ScalarToken id = default, type = default, createdAt = default;
        ScalarToken eventId = default, eventType = default, eventCreatedAt = default;
        var dataKind = JsonTokenType.None;
        int dataStart = 0, dataLength = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                dataKind = reader.TokenType;
                dataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                dataLength = (int)reader.BytesConsumed - dataStart;
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                eventId = eventType = eventCreatedAt = default;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        eventId = ScalarToken.Capture(ref reader);
                    }
                    else if (reader.ValueTextEquals("type"u8))
                    {
                        reader.Read();
                        eventType = ScalarToken.Capture(ref reader);
                    }
                    else if (reader.ValueTextEquals("created_at"u8))
                    {
                        reader.Read();
                        eventCreatedAt = ScalarToken.Capture(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ScalarToken.Capture(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = ScalarToken.Capture(ref reader);
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                reader.Read();
                createdAt = ScalarToken.Capture(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        EnvelopeJson.EnsureEnd(ref reader);

        var routedType = eventType.Kind == JsonTokenType.String ? EnvelopeJson.NonEmptyText(body, eventType) : null;
        routedType ??= type.Kind == JsonTokenType.String ? EnvelopeJson.Text(body, type) : null;
        var created = EnvelopeJson.Date(body, createdAt) ?? EnvelopeJson.Date(body, eventCreatedAt);

        var result = dataKind switch
        {
            JsonTokenType.None => EnvelopeReadResult.MissingPayload,
            JsonTokenType.Null => EnvelopeReadResult.NullPayload,
            _ => EnvelopeReadResult.Read,
        };
        if (result != EnvelopeReadResult.Read)
        {
            dataStart = dataLength = 0;
        }

        envelope = new WebhookEnvelope(
            routedType,
            EnvelopeJson.NonEmptyText(body, id),
            EnvelopeJson.NonEmptyText(body, eventId),
            created,
            dataStart,
            dataLength);
        return result;
    }
}
