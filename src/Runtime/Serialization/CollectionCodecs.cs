using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>JSON arrays as <see cref="IReadOnlyList{T}"/>, each element read by <typeparamref name="TCodec"/>.</summary>
/// <remarks>An element that cannot be read fails the whole array, which the caller then keeps raw.</remarks>
public readonly struct ListCodec<T, TCodec> : IJsonCodec<IReadOnlyList<T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, [MaybeNullWhen(false)] out IReadOnlyList<T> value)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            context.ReportTypeMismatch("array", reader.TokenType);
            value = null;
            return false;
        }

        // The fused pass: the array's location, when its items are checked as they are read (see FusedPass).
        var schema = context.Take(in reader, out var depth);
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            context.Enter(items.Count);
            var start = schema is null ? default : reader;
            if (schema is not null)
            {
                FusedPass.Offer(ref reader, context, FusedPass.ItemOf(schema, items.Count), depth + 1);
            }

            var ok = TCodec.TryRead(ref reader, context, out var item);
            if (schema is not null)
            {
                FusedPass.Settle(in start, context);
            }

            context.Exit();
            if (!ok)
            {
                value = null;
                return false;
            }

            items.Add(item!);
        }

        if (schema is not null && !StreamingValidator.HoldsAtArrayEnd(schema, items.Count))
        {
            context.Unproven = true;
        }

        value = new JsonList<T>(items);
        return true;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<T> value)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            TCodec.Write(writer, value[i]);
        }

        writer.WriteEndArray();
    }
}

/// <summary>JSON objects used as maps, as <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed by member name.</summary>
public readonly struct MapCodec<T, TCodec> : IJsonCodec<IReadOnlyDictionary<string, T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, [MaybeNullWhen(false)] out IReadOnlyDictionary<string, T> value)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.ReportTypeMismatch("object", reader.TokenType);
            value = null;
            return false;
        }

        // The fused pass: the object's location, when its members are checked as they are read (see FusedPass).
        var checks = FusedPass.ObjectChecks.Start(in reader, context);
        var entries = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonStringText.IsWellFormed(ref reader))
            {
                ObjectReader.ReportUnreadableName(ref reader, context);
                value = null;
                return false;
            }

            var name = reader.GetString()!;
            checks.Name(in reader, -1);
            reader.Read();
            context.Enter(name);
            if (entries.Remove(name))
            {
                // The last copy of a repeated member is the one kept, as validation is told.
                ObjectReader.ReportDuplicate(context);
            }

            var start = checks.IsOn ? reader : default;
            checks.Offer(ref reader, context);
            var ok = TCodec.TryRead(ref reader, context, out var item);
            checks.Settle(in start, context, name);
            context.Exit();
            if (!ok)
            {
                value = null;
                return false;
            }

            entries[name] = item!;
        }

        checks.End(context);
        value = new JsonMap<T>(entries);
        return true;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value)
    {
        writer.WriteStartObject();
        foreach (var entry in value)
        {
            writer.WritePropertyName(entry.Key);
            TCodec.Write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }
}

/// <summary>A reference-typed value that may also be JSON <c>null</c>.</summary>
public readonly struct NullableCodec<T, TCodec> : IJsonCodec<T?>
    where T : class
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out T? value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        return TCodec.TryRead(ref reader, context, out value);
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            TCodec.Write(writer, value);
        }
    }
}

/// <summary>A value-typed value that may also be JSON <c>null</c>.</summary>
public readonly struct NullableValueCodec<T, TCodec> : IJsonCodec<T?>
    where T : struct
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out T? value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        var ok = TCodec.TryRead(ref reader, context, out var inner);
        value = ok ? inner : null;
        return ok;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is { } inner)
        {
            TCodec.Write(writer, inner);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// An optional member of a value type: absent members stay null, but JSON null is not accepted
/// (the schema does not allow it), so it is reported and kept raw like any other misfit.
/// </summary>
public readonly struct LiftedCodec<T, TCodec> : IJsonCodec<T?>
    where T : struct
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out T? value)
    {
        var ok = TCodec.TryRead(ref reader, context, out var inner);
        value = ok ? inner : null;
        return ok;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, T? value) => NullableValueCodec<T, TCodec>.Write(writer, value);
}
