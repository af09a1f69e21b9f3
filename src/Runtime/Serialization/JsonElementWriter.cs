using System;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// Writes a kept raw value back. <see cref="JsonElement.WriteTo"/> decodes strings and member names and
/// throws for text that cannot be decoded (an escaped unpaired surrogate); such a value is written as
/// the bytes it came as, so that nothing in a payload is lost or turned into an exception.
/// </summary>
internal static class JsonElementWriter
{
    public static void Write(Utf8JsonWriter writer, in JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            // A default JsonElement (never read from JSON): there is nothing to write but null.
            writer.WriteNullValue();
            return;
        }

#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (JsonIntegrity.MayHoldIllFormedText(raw))
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
            return;
        }
#else
        if (!JsonIntegrity.IsClean(value))
        {
            writer.WriteRawValue(JsonIntegrity.RawBytes(value), skipInputValidation: true);
            return;
        }
#endif
        value.WriteTo(writer);
    }
}
