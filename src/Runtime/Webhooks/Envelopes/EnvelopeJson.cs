using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// The location of a scalar member value found during the single reader pass; decoded into a string
/// only once reading is done, so a value overwritten by a duplicate member is never allocated.
/// </summary>
internal readonly struct ScalarToken
{
    private ScalarToken(JsonTokenType kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    /// <summary><see cref="JsonTokenType.String"/>, <see cref="JsonTokenType.Number"/> or <see cref="JsonTokenType.None"/> (absent or another kind).</summary>
    public JsonTokenType Kind { get; }

    /// <summary>The token's start in the body (the opening quote for strings).</summary>
    public int Start { get; }

    /// <summary>The token's raw length in bytes (quotes included for strings).</summary>
    public int Length { get; }

    /// <summary>Records the value the reader stands on, skipping it when it is an object or an array.</summary>
    public static ScalarToken Capture(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new(JsonTokenType.String, (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
            case JsonTokenType.Number:
                return new(JsonTokenType.Number, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
            default:
                reader.Skip();
                return default;
        }
    }
}

/// <summary>Shared reading helpers of the envelope formats.</summary>
/// <summary>Reads the envelope of one body, given a format's own state.</summary>
internal delegate EnvelopeReadResult EnvelopeCoreReader<TState>(TState state, ReadOnlySpan<byte> body, out WebhookEnvelope envelope);

internal static class EnvelopeJson
{
    /// <summary>
    /// Runs a format's reader over a body and turns every way the JSON can be malformed into
    /// <see cref="EnvelopeReadResult.MalformedJson"/>, so no format throws for bad input.
    /// </summary>
    public static EnvelopeReadResult ReadSafely<TState>(ReadOnlySpan<byte> body, TState state, EnvelopeCoreReader<TState> read, out WebhookEnvelope envelope)
    {
        envelope = default;
        if (IsBlank(body))
        {
            return EnvelopeReadResult.Empty;
        }

        try
        {
            return read(state, body, out envelope);
        }
        catch (JsonException)
        {
            envelope = default;
            return EnvelopeReadResult.MalformedJson;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString: invalid UTF-8 or an unpaired surrogate escape in a string that is decoded.
            envelope = default;
            return EnvelopeReadResult.MalformedJson;
        }
    }

    /// <summary>Longest date text (in bytes) handed to the lenient date parser.</summary>
    private const int MaxDateLength = 128;

    /// <summary>True when the body is empty or holds only JSON whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Requires that nothing but whitespace follows the root value (the reader throws otherwise).</summary>
    /// <exception cref="JsonException">Content follows the root value.</exception>
    public static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            // Unreachable with AllowMultipleValues off (the reader throws first); kept as a guard.
            throw new JsonException("Content follows the root value.");
        }
    }

    /// <summary>Decodes a captured string or number into text; <see langword="null"/> for anything else.</summary>
    /// <exception cref="InvalidOperationException">The string holds invalid UTF-8 or an unpaired surrogate escape.</exception>
    public static string? Text(ReadOnlySpan<byte> body, ScalarToken token)
    {
        var raw = body.Slice(token.Start, token.Length);
        switch (token.Kind)
        {
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(raw); // numbers are ASCII, already validated by the reader
            case JsonTokenType.String:
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                return reader.GetString();
            default:
                return null;
        }
    }

    /// <summary>Decodes a captured string, treating an empty one as absent.</summary>
    /// <exception cref="InvalidOperationException">The string holds invalid UTF-8 or an unpaired surrogate escape.</exception>
    public static string? NonEmptyText(ReadOnlySpan<byte> body, ScalarToken token)
    {
        var text = Text(body, token);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// Reads a captured string as a date: ISO 8601 first, then any form the invariant culture parses
    /// (a zone-less time is taken as UTC); <see langword="null"/> when absent, not a string or unreadable.
    /// </summary>
    public static DateTimeOffset? Date(ReadOnlySpan<byte> body, ScalarToken token) => Date(body, token.Kind, token.Start, token.Length);

    /// <summary>Reads a located string as a date, like <see cref="Date(ReadOnlySpan{byte}, ScalarToken)"/>.</summary>
    public static DateTimeOffset? Date(ReadOnlySpan<byte> body, JsonValueLocation location) => Date(body, location.Kind, location.Start, location.Length);

    private static DateTimeOffset? Date(ReadOnlySpan<byte> body, JsonTokenType kind, int start, int length)
    {
        if (kind != JsonTokenType.String || length - 2 > MaxDateLength)
        {
            return null;
        }

        var reader = new Utf8JsonReader(body.Slice(start, length));
        reader.Read();
        Span<char> chars = stackalloc char[MaxDateLength];
        int written;
        try
        {
            if (reader.TryGetDateTimeOffset(out var iso))
            {
                return iso;
            }

            written = reader.CopyString(chars);
        }
        catch (InvalidOperationException)
        {
            return null; // invalid UTF-8 or an unpaired surrogate escape: not a date
        }

        return DateTimeOffset.TryParse(
            chars[..written].Trim(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var parsed)
            ? parsed
            : null;
    }
}
