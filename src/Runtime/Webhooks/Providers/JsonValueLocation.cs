using System;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>Where a JSON value lies in a text: its kind, and its raw bytes' start and length (quotes included for strings).</summary>
/// <param name="Kind">The value's first token; <see cref="JsonTokenType.None"/> when there is no value.</param>
/// <param name="Start">The offset of the value's first byte.</param>
/// <param name="Length">The length of the value's raw text.</param>
internal readonly record struct JsonValueLocation(JsonTokenType Kind, int Start, int Length)
{
    /// <summary>True when a value was found.</summary>
    public bool Exists => Kind != JsonTokenType.None;

    /// <summary>The value's text when it is a string (decoded), a number or a boolean (as written); null otherwise.</summary>
    /// <exception cref="InvalidOperationException">The string holds invalid UTF-8 or an unpaired surrogate escape.</exception>
    public string? ScalarText(ReadOnlySpan<byte> json)
    {
        var raw = json.Slice(Start, Length);
        switch (Kind)
        {
            case JsonTokenType.String:
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(raw);
            default:
                return null;
        }
    }
}
