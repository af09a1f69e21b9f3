using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Cli.Output;

/// <summary>
/// JSON Lines, one object per payload:
/// <c>{"instance": "…", "valid": false, "errors": [{"instanceLocation": "…", "keywordLocation": "…", "keyword": "…", "message": "…"}]}</c>,
/// with <c>"absoluteKeywordLocation"</c> in an error when the keyword's schema has a URI.
/// </summary>
internal sealed class JsonLinesResultWriter(TextWriter output) : ResultWriter
{
    // Output for tools and terminals, never embedded in HTML: keep quotes and non-ASCII text readable.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <inheritdoc/>
    public override void Write(string instance, ValidationResult result)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("instance", instance);
            writer.WriteBoolean("valid", result.IsValid);
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("instanceLocation", error.InstanceLocation);
                writer.WriteString("keywordLocation", error.KeywordLocation);
                if (error.SchemaLocation is not null)
                {
                    writer.WriteString("absoluteKeywordLocation", error.SchemaLocation);
                }

                writer.WriteString("keyword", error.Keyword);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }
}
