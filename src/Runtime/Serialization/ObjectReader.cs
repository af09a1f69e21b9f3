using System.Buffers;
using System;
using System.Collections.Generic;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>
/// The state of one JSON object while a generated model reads it: which members were seen and bound,
/// and the raw members no property took (unknown ones, and known ones whose value did not fit).
/// Generated code keeps it in a local and calls it once per member.
/// </summary>
public struct ObjectReader
{
    private ulong _seen;
    private ulong _bound;
    private ulong[]? _seenRest;
    private ulong[]? _boundRest;
    private Dictionary<string, JsonElement>? _unbound;
    private bool _failed;
    private List<MemberSpellings.Entry>? _spellings;

    // The fused pass (see FusedPass): the object's location when its members are checked as they are read, its
    // depth, the model's members mapped onto it, the names present (bits of its PresenceNames) and the member count.
    private StreamSchema? _schema;
    private int _depth;
    private FusedPass.Members? _members;
    private ulong _present;
    private int _count;

    /// <summary>
    /// Starts reading the value at the reader's current token as an object. A value that is not an object is
    /// reported (a type mismatch) and the reader it returns has <see cref="Failed"/> true: its
    /// <see cref="NextMember(ref Utf8JsonReader, BindingContext)"/> returns false at once and
    /// <see cref="RequireMember"/> reports nothing more, so the generated <c>TryRead</c> needs no check of its own
    /// before its loop.
    /// </summary>
    public static ObjectReader Start(ref Utf8JsonReader reader, BindingContext context)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return context.Take(in reader, out var depth) is { } schema ? new ObjectReader { _schema = schema, _depth = depth } : default;
        }

        context.ReportTypeMismatch("object", reader.TokenType);
        return new ObjectReader { _failed = true };
    }

    /// <summary>
    /// Moves to the next member name; false at the end of the object, and false when the name cannot be
    /// decoded (invalid UTF-8, an escaped unpaired surrogate): then <see cref="Failed"/> is true, the problem
    /// is reported at the member, and the object cannot be bound (whoever holds it keeps it raw). False at once
    /// when <see cref="Failed"/> is already true (the value was not an object).
    /// </summary>
    public bool NextMember(ref Utf8JsonReader reader, BindingContext context)
    {
        if (_failed || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            if (_schema is { } schema && !_failed && !FusedPass.EndsObject(schema, _present, _count))
            {
                context.Unproven = true;
            }

            return false;
        }

        if (JsonStringText.IsWellFormed(ref reader))
        {
            return true;
        }

        ReportUnreadableName(ref reader, context);
        _failed = true;
        return false;
    }

    /// <summary>
    /// Moves to the next member name as <see cref="NextMember(ref Utf8JsonReader, BindingContext)"/> does, and finds
    /// it among the record's member names: <paramref name="member"/> is its index in <paramref name="names"/>, or -1
    /// for a member no property describes. A name is found as <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>
    /// finds it (unescaped, case-sensitive), with one lookup instead of a comparison per listed name.
    /// </summary>
    public bool NextMember(ref Utf8JsonReader reader, BindingContext context, PropertyNameSet names, out int member)
    {
        if (!NextMember(ref reader, context))
        {
            member = -1;
            return false;
        }

        member = names.IndexOfName(ref reader);
        if (_schema is not null)
        {
            _members ??= FusedPass.MembersOf(_schema, names);
        }

        return true;
    }

    /// <summary>
    /// True when the value was not an object (see <see cref="Start"/>) or a member name could not be decoded, so the
    /// object was not read to its end: both are reported, and the object cannot be bound (whoever holds it keeps it raw).
    /// </summary>
    public readonly bool Failed => _failed;

    /// <summary>Reports a member name that cannot be decoded, at the member (its name shown with U+FFFD).</summary>
    internal static void ReportUnreadableName(ref Utf8JsonReader reader, BindingContext context)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        context.Enter(JsonStringText.Lossy(raw));
        context.Report("encoding", JsonStringText.NameProblem);
        context.Exit();
    }

    /// <summary>Reports a member whose name an earlier member of the object had; the caller is inside the member.</summary>
    internal static void ReportDuplicate(BindingContext context) => context.Report("duplicate", JsonIntegrity.DuplicateMessage);

    /// <summary>
    /// Reads the value of member <paramref name="index"/> (the reader is on its name). A value that
    /// does not fit is reported, kept raw, and leaves <paramref name="value"/> at its default.
    /// </summary>
    public void ReadMember<T, TCodec>(ref Utf8JsonReader reader, BindingContext context, int index, string name, out T? value)
        where TCodec : IJsonCodec<T>
    {
        reader.Read();
        context.Enter(name);
        if (IsSet(_seen, _seenRest, index))
        {
            // A repeated member: the last copy is bound, as validation is told; the earlier one is dropped.
            ReportDuplicate(context);
            Clear(ref _bound, _boundRest, index);
            _unbound?.Remove(name);
        }

        Set(ref _seen, ref _seenRest, index);
        var checkpoint = reader;
        var property = -1;
        StreamSchema? offered = null;
        if (_schema is { } schema)
        {
            property = Offer(ref reader, context, schema, index, out offered);
        }

        if (TCodec.TryRead(ref reader, context, out var read))
        {
            value = read;
            Set(ref _bound, ref _boundRest, index);
        }
        else
        {
            reader = checkpoint;
            Keep(name, ref reader);
            value = default;
            context.Unproven |= _schema is not null;
        }

        if (_schema is not null)
        {
            if (offered is null)
            {
                FusedPass.CoverMember(checkpoint, context, _schema, _depth, name, property);
            }
            else
            {
                FusedPass.Settle(in checkpoint, context);
            }
        }

        context.Exit();
    }

    /// <summary>
    /// Offers model member <paramref name="index"/>'s value (the reader is on it) to its schema in the fused pass, and
    /// counts it present; returns its property index in the location, and the schema it was offered to (null when
    /// <c>patternProperties</c> may apply to it: the member is then read on a copy once bound).
    /// </summary>
    private int Offer(ref Utf8JsonReader reader, BindingContext context, StreamSchema schema, int index, out StreamSchema? offered)
    {
        _count++;
        if (_members is not { } members || (uint)index >= (uint)members.Properties.Length)
        {
            context.Unproven = true; // not read through the model's names: never so in generated code
            offered = null;
            return -1;
        }

        _present |= members.Presence[index];
        var property = members.Properties[index];
        offered = FusedPass.MemberSchema(schema, property);
        if (offered is not null)
        {
            FusedPass.Offer(ref reader, context, offered, _depth + 1);
        }

        return property;
    }

    /// <summary>
    /// Counts a member the model does not name (the reader is on its name) present in the fused pass; returns its
    /// property index in the location.
    /// </summary>
    private int Count(ref readonly Utf8JsonReader reader, StreamSchema schema)
    {
        _count++;
        _present |= FusedPass.PresenceOf(schema, in reader);
        return schema.PropertyNames?.IndexOfName(in reader) ?? -1;
    }

    /// <summary>
    /// Reads a date-time member (the reader is on its name) as <see cref="ReadMember{T, TCodec}"/> does, and
    /// keeps its text as it was spelled, so that writing the model back gives the same text.
    /// </summary>
    public void ReadDateTimeMember<T, TCodec>(ref Utf8JsonReader reader, BindingContext context, int index, string name, out T? value)
        where TCodec : IJsonCodec<T>
    {
        var valueReader = reader;
        valueReader.Read();
        ReadMember<T, TCodec>(ref reader, context, index, name, out value);
        for (var i = (_spellings?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (_spellings![i].Index == index)
            {
                _spellings.RemoveAt(i); // an earlier copy of a repeated member
            }
        }

        if (IsSet(_bound, _boundRest, index) && value is DateTimeOffset instant && valueReader.TokenType == JsonTokenType.String)
        {
            // The string as written, quotes and escapes included: written back byte for byte.
            var text = valueReader.HasValueSequence ? valueReader.ValueSequence.ToArray() : valueReader.ValueSpan;
            var json = new byte[text.Length + 2];
            json[0] = (byte)'"';
            text.CopyTo(json.AsSpan(1));
            json[^1] = (byte)'"';
            (_spellings ??= []).Add(new MemberSpellings.Entry(index, json, instant));
        }
    }

    /// <summary>Reads a member that no property describes into the typed additional-properties map.</summary>
    public void ReadAdditional<T, TCodec>(ref Utf8JsonReader reader, BindingContext context, ref Dictionary<string, T>? additional)
        where TCodec : IJsonCodec<T>
    {
        var name = reader.GetString()!;
        var property = _schema is { } schema ? Count(in reader, schema) : -1;
        reader.Read();
        context.Enter(name);
        if ((additional is not null && additional.Remove(name)) | (_unbound is not null && _unbound.Remove(name)))
        {
            ReportDuplicate(context);
        }

        var checkpoint = reader;
        if (TCodec.TryRead(ref reader, context, out var read))
        {
            (additional ??= [])[name] = read!;
        }
        else
        {
            reader = checkpoint;
            Keep(name, ref reader);
        }

        if (_schema is not null)
        {
            FusedPass.CoverMember(checkpoint, context, _schema, _depth, name, property);
        }

        context.Exit();
    }

    /// <summary>Keeps a member that no property describes (the reader is on its name).</summary>
    public void KeepUnknown(ref Utf8JsonReader reader, BindingContext context)
    {
        var name = reader.GetString()!;
        var property = _schema is { } schema ? Count(in reader, schema) : -1;
        reader.Read();
        if (_unbound is not null && _unbound.ContainsKey(name))
        {
            context.Enter(name);
            ReportDuplicate(context);
            context.Exit();
        }

        var start = reader;
        Keep(name, ref reader);
        if (_schema is not null)
        {
            FusedPass.CoverMember(start, context, _schema, _depth, name, property);
        }
    }

    /// <summary>
    /// Reports a required member that did not appear; nothing once <see cref="Failed"/> is true (the object is not
    /// bound, and the problem that failed it is the one reported).
    /// </summary>
    public readonly void RequireMember(BindingContext context, int index, string name)
    {
        if (!_failed && !IsSet(_seen, _seenRest, index))
        {
            context.Report("required", $"required property '{name}' is missing");
        }
    }

    /// <summary>The members kept raw, or null when there are none.</summary>
    /// <remarks>Empty counts as none: a repeated member may have taken back the only one kept.</remarks>
    public readonly IReadOnlyDictionary<string, JsonElement>? Unbound => _unbound is null || _unbound.Count == 0 ? null : new JsonMap<JsonElement>(_unbound);

    /// <summary>How the date-time members were spelled, or null when there were none.</summary>
    public readonly MemberSpellings? Spellings => _spellings is null ? null : new MemberSpellings(_spellings);

    /// <summary>Which members were bound, for writing the model back as it came.</summary>
    public readonly MemberPresence Presence => new(_bound, _boundRest);

    private void Keep(string name, ref Utf8JsonReader reader)
        => (_unbound ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);

    private static void Set(ref ulong first, ref ulong[]? rest, int index)
    {
        if (index < 64)
        {
            first |= 1UL << index;
            return;
        }

        var word = (index / 64) - 1;
        if (rest is null || rest.Length <= word)
        {
            System.Array.Resize(ref rest, word + 1);
        }

        rest[word] |= 1UL << (index % 64);
    }

    private static void Clear(ref ulong first, ulong[]? rest, int index)
    {
        if (index < 64)
        {
            first &= ~(1UL << index);
            return;
        }

        var word = (index / 64) - 1;
        if (rest is not null && word < rest.Length)
        {
            rest[word] &= ~(1UL << (index % 64));
        }
    }

    private static bool IsSet(ulong first, ulong[]? rest, int index)
    {
        if (index < 64)
        {
            return (first & (1UL << index)) != 0;
        }

        var word = (index / 64) - 1;
        return rest is not null && word < rest.Length && (rest[word] & (1UL << (index % 64))) != 0;
    }
}
