using System.Collections.Generic;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>Writing helpers shared by generated models.</summary>
public static class ObjectWriter
{
    /// <summary>Writes raw members kept by a model (unknown ones and values that did not fit their property).</summary>
    public static void WriteMembers(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            JsonElementWriter.Write(writer, member.Value);
        }
    }

    /// <summary>Writes typed additional properties.</summary>
    public static void WriteMembers<T, TCodec>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? members)
        where TCodec : IJsonCodec<T>
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            TCodec.Write(writer, member.Value);
        }
    }

    /// <summary>True when a raw member with this name is kept, so the typed property must not be written too.</summary>
    public static bool Keeps(IReadOnlyDictionary<string, JsonElement>? members, string name)
        => members is not null && members.ContainsKey(name);
}
