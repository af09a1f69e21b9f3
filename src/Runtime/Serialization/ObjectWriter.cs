using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// Writes a generated model as a JSON object, one call per member, so that a model's <c>WriteTo</c> is a
/// list of its members rather than a block of presence and null logic for each. A parsed model gives back
/// the members it had (an explicit null stays null, an absent member stays absent, a date-time keeps its
/// spelling); a model built in code writes its non-null members and its required ones. Generic over the
/// codec, so nothing is boxed and nothing is looked up by reflection.
/// </summary>
public readonly ref struct ObjectWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly MemberPresence _presence;
    private readonly IReadOnlyDictionary<string, JsonElement>? _unbound;
    private readonly MemberSpellings? _spellings;

    private ObjectWriter(Utf8JsonWriter writer, MemberPresence presence, IReadOnlyDictionary<string, JsonElement>? unbound, MemberSpellings? spellings)
    {
        _writer = writer;
        _presence = presence;
        _unbound = unbound;
        _spellings = spellings;
    }

    /// <summary>Starts the object.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="presence">Which members the payload had, for a parsed model.</param>
    /// <param name="unbound">Members kept raw: unknown ones and values that did not fit their property; written last, by <see cref="End"/>.</param>
    /// <param name="spellings">How the date-time members were spelled, for a parsed model that keeps them.</param>
    public static ObjectWriter Start(Utf8JsonWriter writer, MemberPresence presence, IReadOnlyDictionary<string, JsonElement>? unbound, MemberSpellings? spellings = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        return new ObjectWriter(writer, presence, unbound, spellings);
    }

    /// <summary>Writes a member of a value type that cannot be null: always for a model built in code, when the payload had it for a parsed one.</summary>
    public void Write<T, TCodec>(ReadOnlySpan<byte> name, int index, T value)
        where TCodec : IJsonCodec<T>
    {
        if (_presence.ShouldWrite(index))
        {
            _writer.WritePropertyName(name);
            TCodec.Write(_writer, value);
        }
    }

    /// <summary>Writes a member of a reference type: its value, or JSON null where the payload had null (or, built in code, where it is required).</summary>
    public void Write<T, TCodec>(ReadOnlySpan<byte> name, int index, T? value, bool isRequired)
        where T : class
        where TCodec : IJsonCodec<T>
    {
        if (value is not null)
        {
            _writer.WritePropertyName(name);
            TCodec.Write(_writer, value);
        }
        else
        {
            WriteNull(name, index, isRequired);
        }
    }

    /// <summary>Writes a member of a nullable value type: its value, or JSON null where the payload had null (or, built in code, where it is required).</summary>
    public void Write<T, TCodec>(ReadOnlySpan<byte> name, int index, T? value, bool isRequired)
        where T : struct
        where TCodec : IJsonCodec<T>
    {
        if (value is { } present)
        {
            _writer.WritePropertyName(name);
            TCodec.Write(_writer, present);
        }
        else
        {
            WriteNull(name, index, isRequired);
        }
    }

    /// <summary>Writes a date-time member that cannot be null, as it was spelled when read if it still holds that value.</summary>
    public void WriteDateTime(ReadOnlySpan<byte> name, int index, DateTimeOffset value)
    {
        if (_presence.ShouldWrite(index))
        {
            _writer.WritePropertyName(name);
            WriteDateTimeValue(index, value);
        }
    }

    /// <summary>Writes a nullable date-time member, as it was spelled when read if it still holds that value.</summary>
    public void WriteDateTime(ReadOnlySpan<byte> name, int index, DateTimeOffset? value, bool isRequired)
    {
        if (value is { } present)
        {
            _writer.WritePropertyName(name);
            WriteDateTimeValue(index, present);
        }
        else
        {
            WriteNull(name, index, isRequired);
        }
    }

    /// <summary>Writes typed additional properties (the schema's <c>additionalProperties</c>).</summary>
    public void WriteMembers<T, TCodec>(IReadOnlyDictionary<string, T>? members)
        where TCodec : IJsonCodec<T>
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            _writer.WritePropertyName(member.Key);
            TCodec.Write(_writer, member.Value);
        }
    }

    /// <summary>Writes the members kept raw, then ends the object.</summary>
    public void End()
    {
        if (_unbound is not null)
        {
            foreach (var member in _unbound)
            {
                _writer.WritePropertyName(member.Key);
                JsonElementWriter.Write(_writer, member.Value);
            }
        }

        _writer.WriteEndObject();
    }

    private void WriteDateTimeValue(int index, DateTimeOffset value)
    {
        if (!MemberSpellings.TryWrite(_spellings, _writer, index, value))
        {
            DateTimeOffsetCodec.Write(_writer, value);
        }
    }

    /// <summary>
    /// Null is written where the payload had it (or for a required member built in code), unless a raw
    /// value of that name is kept: then the raw value, written by <see cref="End"/>, is the member.
    /// </summary>
    private void WriteNull(ReadOnlySpan<byte> name, int index, bool isRequired)
    {
        if (_presence.ShouldWriteNull(index, isRequired) && !Keeps(name))
        {
            _writer.WriteNull(name);
        }
    }

    private bool Keeps(ReadOnlySpan<byte> name)
        => _unbound is { Count: > 0 } unbound && unbound.ContainsKey(Encoding.UTF8.GetString(name));
}
