using System.Collections.Generic;
using System.Text.Json;

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

    /// <summary>Moves to the next member name; false at the end of the object.</summary>
    public readonly bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Reads the value of member <paramref name="index"/> (the reader is on its name). A value that
    /// does not fit is reported, kept raw, and leaves <paramref name="value"/> at its default.
    /// </summary>
    public void ReadMember<T, TCodec>(ref Utf8JsonReader reader, BindingContext context, int index, string name, out T? value)
        where TCodec : IJsonCodec<T>
    {
        reader.Read();
        Set(ref _seen, ref _seenRest, index);
        context.Enter(name);
        var checkpoint = reader;
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
        }

        context.Exit();
    }

    /// <summary>Reads a member that no property describes into the typed additional-properties map.</summary>
    public void ReadAdditional<T, TCodec>(ref Utf8JsonReader reader, BindingContext context, ref Dictionary<string, T>? additional)
        where TCodec : IJsonCodec<T>
    {
        var name = reader.GetString()!;
        reader.Read();
        context.Enter(name);
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

        context.Exit();
    }

    /// <summary>Keeps a member that no property describes (the reader is on its name).</summary>
    public void KeepUnknown(ref Utf8JsonReader reader)
    {
        var name = reader.GetString()!;
        reader.Read();
        Keep(name, ref reader);
    }

    /// <summary>Reports a required member that did not appear.</summary>
    public readonly void RequireMember(BindingContext context, int index, string name)
    {
        if (!IsSet(_seen, _seenRest, index))
        {
            context.Report("required", $"required property '{name}' is missing");
        }
    }

    /// <summary>The members kept raw, or null when there are none.</summary>
    public readonly IReadOnlyDictionary<string, JsonElement>? Unbound => _unbound is null ? null : new JsonMap<JsonElement>(_unbound);

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
