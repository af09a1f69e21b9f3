using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Hooksmith.Serialization;

/// <summary>
/// Whether the text of a JSON string (a value or a member name) can be decoded. The JSON grammar lets
/// through bytes that are not UTF-8 and escapes of unpaired surrogates (<c>"\ud800"</c>), and
/// System.Text.Json throws <see cref="InvalidOperationException"/> when such a string is decoded,
/// compared or written. Every decoding path of the runtime asks here first, so that such a value is a
/// reported problem, never an exception.
/// </summary>
internal static class JsonStringText
{
    /// <summary>The message for a string value that cannot be decoded.</summary>
    public const string ValueProblem = "the string is not valid Unicode text (invalid UTF-8, or an escaped unpaired surrogate)";

    /// <summary>The message for a member name that cannot be decoded.</summary>
    public const string NameProblem = "the member name is not valid Unicode text (invalid UTF-8, or an escaped unpaired surrogate)";

    /// <summary>
    /// Whether the raw content of a JSON string (between its quotes, escapes as written) decodes to
    /// Unicode text: valid UTF-8, and every <c>\u</c> escape of a surrogate one half of a pair.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> raw)
    {
        while (true)
        {
            var escape = raw.IndexOf((byte)'\\');
            if (escape < 0)
            {
                return Utf8.IsValid(raw);
            }

            if (!Utf8.IsValid(raw[..escape]))
            {
                return false;
            }

            raw = raw[escape..];
            if (!TryReadEscape(raw, out var length, out var wellFormed) || !wellFormed)
            {
                return false;
            }

            raw = raw[length..];
        }
    }

    /// <summary>Whether the string or member name the reader is on can be decoded.</summary>
    public static bool IsWellFormed(ref readonly Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            return IsWellFormed(reader.ValueSequence.ToArray());
        }

        // Unescaped text only needs the UTF-8 check; the escape scan is for escaped text.
        return reader.ValueIsEscaped ? IsWellFormed(reader.ValueSpan) : Utf8.IsValid(reader.ValueSpan);
    }

    /// <summary>Whether a string value can be decoded; true for values of other kinds.</summary>
    public static bool IsWellFormed(in JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

#if NET9_0_OR_GREATER
        return IsWellFormed(Unquote(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)));
#else
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
#endif
    }

    /// <summary>Whether a member's name can be decoded.</summary>
    public static bool IsWellFormedName(in JsonProperty property)
    {
#if NET9_0_OR_GREATER
        return IsWellFormed(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property));
#else
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
#endif
    }

    /// <summary>
    /// A member's name, or for a name that cannot be decoded a key no decodable name can equal: a lone
    /// low surrogate (which no well-formed name holds) followed by the raw bytes as Latin-1.
    /// </summary>
    public static string NameKey(in JsonProperty property)
    {
        if (IsWellFormedName(property))
        {
            return property.Name;
        }

#if NET9_0_OR_GREATER
        return "\uDFFF" + Encoding.Latin1.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property));
#else
        return "\uDFFF";
#endif
    }

    /// <summary>
    /// A string value as text, or for one that cannot be decoded a key no decodable string can equal
    /// (see <see cref="NameKey"/>).
    /// </summary>
    public static string ValueKey(in JsonElement value)
    {
        if (IsWellFormed(value))
        {
            return value.GetString()!;
        }

#if NET9_0_OR_GREATER
        return "\uDFFF" + Encoding.Latin1.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
#else
        return "\uDFFF";
#endif
    }

    /// <summary>
    /// The text of raw string content with what cannot be decoded replaced by U+FFFD (each invalid UTF-8
    /// sequence, each unpaired surrogate escape), for messages and JSON Pointers.
    /// </summary>
    public static string Lossy(ReadOnlySpan<byte> raw)
    {
        var repaired = new ArrayBufferWriter<byte>(raw.Length + 8);
        Repair(raw, repaired);
        var reader = new Utf8JsonReader(Quote(repaired.WrittenSpan));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// Writes raw string content (escapes as written) with every invalid UTF-8 sequence replaced by the
    /// bytes of U+FFFD and every unpaired surrogate escape by <c>\uFFFD</c>; the result is well-formed.
    /// </summary>
    public static void Repair(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> replacementEscape = "\\uFFFD"u8;
        while (!raw.IsEmpty)
        {
            if (raw[0] == (byte)'\\')
            {
                if (!TryReadEscape(raw, out var length, out var wellFormed))
                {
                    // Not an escape the reader would have accepted: keep the backslash escaped, go on.
                    output.Write("\\\\"u8);
                    raw = raw[1..];
                    continue;
                }

                output.Write(wellFormed ? raw[..length] : replacementEscape);
                raw = raw[length..];
                continue;
            }

            var status = Rune.DecodeFromUtf8(raw, out _, out var consumed);
            output.Write(status == OperationStatus.Done ? raw[..consumed] : "\uFFFD"u8);
            raw = raw[Math.Max(consumed, 1)..];
        }
    }

    /// <summary>Content between quotes: the raw value of a string element without its quotes.</summary>
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw)
        => raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;

    private static byte[] Quote(ReadOnlySpan<byte> content)
    {
        var quoted = new byte[content.Length + 2];
        quoted[0] = (byte)'"';
        content.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        return quoted;
    }

    /// <summary>
    /// Reads the escape at the start of <paramref name="raw"/>: its length, and whether it is well-formed
    /// (a <c>\u</c> surrogate escape must be a high one followed by an escaped low one).
    /// </summary>
    private static bool TryReadEscape(ReadOnlySpan<byte> raw, out int length, out bool wellFormed)
    {
        length = 0;
        wellFormed = false;
        if (raw.Length < 2)
        {
            return false;
        }

        if (raw[1] != (byte)'u')
        {
            length = 2;
            wellFormed = true;
            return true;
        }

        if (!TryReadHex(raw, out var unit))
        {
            return false;
        }

        length = 6;
        if (unit is < 0xD800 or > 0xDFFF)
        {
            wellFormed = true;
            return true;
        }

        if (unit >= 0xDC00)
        {
            return true; // a low surrogate with no high one before it
        }

        if (raw.Length >= 12 && raw[6] == (byte)'\\' && raw[7] == (byte)'u' && TryReadHex(raw[6..], out var low) && low is >= 0xDC00 and <= 0xDFFF)
        {
            length = 12;
            wellFormed = true;
        }

        return true;
    }

    private static bool TryReadHex(ReadOnlySpan<byte> escape, out int unit)
    {
        unit = 0;
        if (escape.Length < 6 || !Utf8Parser.TryParse(escape.Slice(2, 4), out ushort value, out var consumed, 'X') || consumed != 4)
        {
            return false;
        }

        unit = value;
        return true;
    }
}
