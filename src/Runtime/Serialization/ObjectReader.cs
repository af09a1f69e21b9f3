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

    // The fused pass (see FusedPass): the members checked as they are read, when the object's location was pending.
    private FusedPass.ObjectChecks _checks;

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
            return new ObjectReader { _checks = FusedPass.ObjectChecks.Start(in reader, context) };
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
            if (!_failed)
            {
                _checks.End(context);
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
        _checks.Map(names);

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
        _checks.Name(in reader, index);
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
        _checks.Offer(ref reader, context);

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
            context.Unproven |= _checks.IsOn;
        }

        _checks.Settle(in checkpoint, context, name);

        context.Exit();
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
        _checks.Name(in reader, -1);
        reader.Read();
        context.Enter(name);
        if ((additional is not null && additional.Remove(name)) | (_unbound is not null && _unbound.Remove(name)))
        {
            ReportDuplicate(context);
        }

        var checkpoint = reader;
        _checks.Offer(ref reader, context);
        if (TCodec.TryRead(ref reader, context, out var read))
        {
            (additional ??= [])[name] = read!;
        }
        else
        {
            reader = checkpoint;
            Keep(name, ref reader);
            context.Unproven |= _checks.IsOn;
        }

        _checks.Settle(in checkpoint, context, name);
        context.Exit();
    }

    /// <summary>Keeps a member that no property describes (the reader is on its name).</summary>
    public void KeepUnknown(ref Utf8JsonReader reader, BindingContext context)
    {
        var name = reader.GetString()!;
        _checks.Name(in reader, -1);
        reader.Read();
        if (_unbound is not null && _unbound.ContainsKey(name))
        {
            context.Enter(name);
            ReportDuplicate(context);
            context.Exit();
        }

        var start = reader;
        _checks.Offer(ref reader, context);
        Keep(name, ref reader);
        _checks.Settle(in start, context, name);
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
