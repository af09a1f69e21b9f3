using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>Entry points shared by every generated model: parse from UTF-8, write to JSON.</summary>
public static class JsonModel
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 256,
    };

    /// <summary>
    /// Validates a payload against the model's schema and binds it leniently. Everything the schema
    /// rejects is in <paramref name="result"/>, with what binding could not represent (an integer beyond
    /// 64 bits, say) beside it; values that do not fit their property are kept in the model's property bag.
    /// Returns false, without a model, only when the payload is not JSON or its root does not fit the
    /// model. Never throws for bad input.
    /// </summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out T value, out ValidationResult result)
        where T : ISchemaModel<T>
        => TryParse(utf8Json, ValidationOptions.Default, out value, out result);

    /// <summary>As <see cref="TryParse{T}(ReadOnlySpan{byte}, out T, out ValidationResult)"/>, validating with <paramref name="options"/> (formats asserted, say).</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, ValidationOptions options, [MaybeNullWhen(false)] out T value, out ValidationResult result)
        where T : ISchemaModel<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        var fused = UseFusedPass && UseReaderPass ? T.Stream : null;
        if (!TryBind(utf8Json, fused, options, out value, out var binding, out var proven))
        {
            result = binding;
            return false;
        }

        if (proven)
        {
            // Every check held as the payload was bound, and binding reported nothing: what validating again would say.
            result = ValidationResult.Valid;
            return true;
        }

        var validation = Validate<T>(utf8Json, options);
        result = Merge(validation, binding);
        return true;
    }

    /// <summary>
    /// Whether validation first tries the single reader pass (<see cref="StreamSchema"/>): a payload it finds valid
    /// needs no document. Whatever it finds otherwise, the document validators run and their errors are the result,
    /// so the switch changes the time a valid payload takes, never a result. Tests turn it off to compare.
    /// </summary>
    internal static bool UseReaderPass { get; set; } = true;

    /// <summary>
    /// Whether <see cref="TryParse{T}(ReadOnlySpan{byte}, ValidationOptions, out T, out ValidationResult)"/> makes the
    /// reader pass's checks while it binds (<see cref="FusedPass"/>): a payload they prove valid is read once. Like
    /// <see cref="UseReaderPass"/>, it changes the time a valid payload takes, never a result; tests turn it off to compare.
    /// </summary>
    internal static bool UseFusedPass { get; set; } = true;

    /// <summary>
    /// Whether the fused pass alone shows a payload valid (<see cref="UseFusedPass"/>): bound with no problem, every
    /// check held. False says nothing either way. For tests, which hold it to the validators.
    /// </summary>
    internal static bool ProvesValid<T>(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null)
        where T : ISchemaModel<T>
        => T.Stream is { } schema && TryBind<T>(utf8Json, schema, options ?? ValidationOptions.Default, out _, out _, out var proven) && proven;

    /// <summary>Validates a payload against the model's schema, without binding it. Malformed JSON is an error at the root.</summary>
    public static ValidationResult Validate<T>(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null)
        where T : ISchemaModel<T>
    {
        if (UseReaderPass && T.Stream is { } stream && stream.Evaluate(utf8Json, options) == StreamVerdict.Valid)
        {
            return ValidationResult.Valid;
        }

        // JsonDocument reads from memory it may keep; a pooled copy is returned once the document is disposed.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(utf8Json.Length, 1));
        try
        {
            utf8Json.CopyTo(buffer);
            return Validate(buffer.AsMemory(0, utf8Json.Length), T.Validator, T.SchemaResource, options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Runs a validator over UTF-8 JSON; text that is not JSON is an error at the root, not an exception.</summary>
    internal static ValidationResult Validate(ReadOnlyMemory<byte> utf8Json, SchemaValidator validator, string resource, ValidationOptions? options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = ReaderOptions.MaxDepth });
        }
        catch (JsonException exception)
        {
            return Malformed(Describe(exception));
        }

        using (document)
        {
            // One vectorised pass over the bytes spares decoding every string of the document to find bad text.
            return ValidationContext.Run(document.RootElement, validator, resource, options, textIsWellFormed: !JsonIntegrity.MayHoldIllFormedText(utf8Json.Span));
        }
    }

    /// <summary>Validates a parsed value against the model's schema.</summary>
    public static ValidationResult Validate<T>(in JsonElement instance, ValidationOptions? options = null)
        where T : ISchemaModel<T>
        => ValidationContext.Run(instance, T.Validator, T.SchemaResource, options);

    /// <summary>
    /// Validation errors, then binding problems at places validation said nothing about: a value of the
    /// wrong type is one problem, reported once, by the schema.
    /// </summary>
    private static ValidationResult Merge(ValidationResult validation, ValidationResult binding)
    {
        if (binding.IsValid)
        {
            return validation;
        }

        if (validation.IsValid)
        {
            return binding;
        }

        var reported = new HashSet<string>(validation.Errors.Select(e => e.InstanceLocation), StringComparer.Ordinal);
        return ValidationResult.FromErrors(validation.Errors.Concat(binding.Errors.Where(e => !reported.Contains(e.InstanceLocation))));
    }

    /// <summary>
    /// Binds a payload leniently, without validating it: values of the wrong type, out-of-range numbers and
    /// missing required members are reported in <paramref name="result"/> (the raw values are kept in the
    /// model's property bag). Returns false, without a model, only when the payload is not JSON or its root
    /// does not fit. Never throws for bad input.
    /// </summary>
    public static bool TryBind<T>(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out T value, out ValidationResult result)
        where T : IJsonCodec<T>
        => TryBind(utf8Json, null, ValidationOptions.Default, out value, out result, out _);

    /// <summary>
    /// Binds as <see cref="TryBind{T}(ReadOnlySpan{byte}, out T, out ValidationResult)"/> does; with a
    /// <paramref name="schema"/>, the fused pass checks the payload against it as it binds, and
    /// <paramref name="proven"/> says whether it showed the payload valid (binding clean, every check held).
    /// </summary>
    private static bool TryBind<T>(ReadOnlySpan<byte> utf8Json, StreamSchema? schema, ValidationOptions options, [MaybeNullWhen(false)] out T value, out ValidationResult result, out bool proven)
        where T : IJsonCodec<T>
    {
        proven = false;
        var context = BindingContext.Rent();
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read())
            {
                value = default;
                result = Malformed("the payload is empty");
                return false;
            }

            // Text that may not decode is the document's to report, as in the reader pass.
            var fused = schema is not null && !JsonIntegrity.MayHoldIllFormedText(utf8Json);
            var start = reader;
            if (fused)
            {
                context.FusedOptions = options;
                FusedPass.Offer(ref reader, context, schema!, 0);
            }

            if (!T.TryRead(ref reader, context, out value))
            {
                result = context.ToResult();
                return false;
            }

            if (fused)
            {
                FusedPass.Settle(in start, context);
            }

            // Anything but whitespace after the root value is malformed; the reader throws for it.
            reader.Read();
            result = context.ToResult();
            proven = fused && context.IsClean && !context.Unproven;
            return true;
        }
        catch (JsonException exception)
        {
            value = default;
            result = Malformed(Describe(exception));
            return false;
        }
        finally
        {
            BindingContext.Return(context);
        }
    }

    /// <summary>Binds a payload leniently, throwing only when it is not JSON or its root does not fit (it does not validate).</summary>
    /// <exception cref="FormatException">The payload is not JSON, or its root value has the wrong type.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json)
        where T : IJsonCodec<T>
    {
        if (TryBind<T>(utf8Json, out var value, out var result))
        {
            return value;
        }

        throw new FormatException($"The payload cannot be read as {typeof(T).Name}: {result}");
    }

    /// <summary>Writes a value to UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value, JsonWriterOptions options = default)
        where T : IJsonCodec<T>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            T.Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a value to a JSON string.</summary>
    public static string ToJsonString<T>(T value, bool indented = false)
        where T : IJsonCodec<T>
        => Encoding.UTF8.GetString(ToUtf8Bytes(value, new JsonWriterOptions { Indented = indented }));

    private static ValidationResult Malformed(string message)
        => ValidationResult.FromErrors([new ValidationError(string.Empty, string.Empty, "json", message)]);

    private static string Describe(JsonException exception)
        => exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"the payload is not valid JSON (line {line + 1}, byte {position + 1})")
            : "the payload is not valid JSON";
}
