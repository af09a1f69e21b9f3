using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// How a durable store writes a <see cref="DeadLetter"/>: one line of JSON with everything but the body, a line feed,
/// then the body's bytes exactly as they arrived. Readable with a pager, and the body is never re-encoded.
/// </summary>
/// <remarks>
/// The header holds <c>version</c>, <c>id</c>, <c>receivedAt</c> (round-trip ISO 8601), <c>reason</c> (the enum's
/// name), <c>detail</c>, <c>eventType</c>, <c>eventId</c> and <c>bodyLength</c>; reading checks that the body has that
/// length, so a truncated record is never taken for a letter.
/// </remarks>
public static class DeadLetterFormat
{
    private const int Version = 1;

    /// <summary>The bytes of a letter.</summary>
    public static byte[] Write(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var buffer = new ArrayBufferWriter<byte>(256 + letter.Body.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("id", letter.Id);
            writer.WriteString("receivedAt", letter.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("reason", letter.Reason.ToString());
            writer.WriteString("detail", letter.Detail);
            writer.WriteString("eventType", letter.EventType);
            writer.WriteString("eventId", letter.EventId);
            writer.WriteNumber("bodyLength", letter.Body.Length);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        buffer.Write(letter.Body.Span);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a letter; false for anything that is not a whole letter of this format. Never throws.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> bytes, out DeadLetter? letter)
    {
        letter = null;
        var newline = bytes.Span.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        string? id = null, detail = null, eventType = null, eventId = null;
        DateTimeOffset? receivedAt = null;
        DeadLetterReason? reason = null;
        long? bodyLength = null;
        var version = 0;
        try
        {
            var reader = new Utf8JsonReader(bytes.Span[..newline]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "version" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v):
                        version = v;
                        break;
                    case "id" when reader.TokenType == JsonTokenType.String:
                        id = reader.GetString();
                        break;
                    case "receivedAt" when reader.TokenType == JsonTokenType.String:
                        receivedAt = DateTimeOffset.TryParseExact(reader.GetString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
                        break;
                    case "reason" when reader.TokenType == JsonTokenType.String:
                        reason = Enum.TryParse<DeadLetterReason>(reader.GetString(), ignoreCase: false, out var r) && Enum.IsDefined(r) ? r : null;
                        break;
                    case "detail" when reader.TokenType == JsonTokenType.String:
                        detail = reader.GetString();
                        break;
                    case "eventType" when reader.TokenType == JsonTokenType.String:
                        eventType = reader.GetString();
                        break;
                    case "eventId" when reader.TokenType == JsonTokenType.String:
                        eventId = reader.GetString();
                        break;
                    case "bodyLength" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var length):
                        bodyLength = length;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, an unpaired surrogate in a string, a token of the wrong kind: not a letter.
            return false;
        }

        var body = bytes[(newline + 1)..];
        if (version != Version || id is null || receivedAt is null || reason is null || detail is null || bodyLength != body.Length)
        {
            return false;
        }

        letter = new DeadLetter(id, receivedAt.Value, reason.Value, detail, eventType, eventId, body);
        return true;
    }
}
