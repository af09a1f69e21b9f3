using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// How the date-time members of a parsed object were spelled. A <see cref="DateTimeOffset"/> keeps the
/// instant and offset but not the text (<c>…41Z</c>, <c>…41.000Z</c> and <c>…41+00:00</c> are one value),
/// so a model keeps the text it read and writes it back as it came — unless the property now holds
/// another value, set in code.
/// </summary>
public sealed class MemberSpellings
{
    private readonly List<Entry> _entries;

    internal MemberSpellings(List<Entry> entries) => _entries = entries;

    /// <summary>
    /// Writes member <paramref name="index"/> as it was spelled when read, if it was read and still holds
    /// exactly that value (same instant, same offset); false, writing nothing, otherwise.
    /// </summary>
    public static bool TryWrite(MemberSpellings? spellings, Utf8JsonWriter writer, int index, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (spellings is null)
        {
            return false;
        }

        foreach (var entry in spellings._entries)
        {
            if (entry.Index == index)
            {
                if (!entry.Value.EqualsExact(value))
                {
                    return false;
                }

                writer.WriteRawValue(entry.Json, skipInputValidation: true);
                return true;
            }
        }

        return false;
    }

    internal readonly record struct Entry(int Index, byte[] Json, DateTimeOffset Value);
}
