using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>
/// What the JSON grammar allows but an I-JSON payload (RFC 7493) may not hold: strings and member names
/// whose text cannot be decoded (bytes that are not UTF-8, escapes of unpaired surrogates), and member
/// names that repeat within an object. Validation reports each at its JSON Pointer and then checks a copy
/// in which such text is replaced by U+FFFD, so that no keyword check ever meets it.
/// </summary>
internal static class JsonIntegrity
{
    /// <summary>Objects with more members than this are checked for repeated names with a set, not pairwise.</summary>
    private const int PairwiseLimit = 32;

    /// <summary>
    /// False when the bytes certainly hold no text that cannot be decoded: they are valid UTF-8 and have no
    /// <c>\uD…</c> escape. A fast, vectorised test for the common case; true only means "look closer".
    /// </summary>
    public static bool MayHoldIllFormedText(ReadOnlySpan<byte> json)
        => !Utf8.IsValid(json) || json.IndexOf("\\ud"u8) >= 0 || json.IndexOf("\\uD"u8) >= 0;

    /// <summary>Whether a value holds no undecodable text and no repeated member name, anywhere. Allocates nothing when it does not.</summary>
    public static bool IsClean(in JsonElement value) => IsClean(value, checkText: true);

    /// <summary>
    /// As <see cref="IsClean(in JsonElement)"/>; with <paramref name="checkText"/> false, only repeated member
    /// names are looked for: the caller knows that no text in the value is undecodable (the bytes it was parsed
    /// from passed <see cref="MayHoldIllFormedText"/>), so no string is decoded to find out again.
    /// </summary>
    public static bool IsClean(in JsonElement value, bool checkText)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return !checkText || JsonStringText.IsWellFormed(value);
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String && !IsClean(item, checkText))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                return IsCleanObject(value, checkText);
            default:
                return true;
        }
    }

    /// <summary>
    /// An object's members are clean and their names distinct. Names are compared by a hash of their text,
    /// kept on the stack for the first <see cref="PairwiseLimit"/> members; two equal hashes (or more members)
    /// send the object to the exact comparison, so a collision costs time, never a wrong answer.
    /// </summary>
    private static bool IsCleanObject(in JsonElement value, bool checkText)
    {
        Span<int> hashes = stackalloc int[PairwiseLimit];
        var count = 0;
        var suspect = false;
        foreach (var member in value.EnumerateObject())
        {
            if ((checkText && !JsonStringText.IsWellFormedName(member))
                || (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String && !IsClean(member.Value, checkText)))
            {
                return false;
            }

            if (count < PairwiseLimit && !suspect)
            {
                var hash = NameHash(member);
                suspect = hashes[..count].Contains(hash);
                hashes[count] = hash;
            }

            count++;
        }

        return count < 2 || ((count <= PairwiseLimit && !suspect) || !HasRepeatedName(value, count));
    }

    /// <summary>A hash of a member's name as decoded, so that an escaped spelling hashes as the plain one.</summary>
    private static int NameHash(in JsonProperty member)
    {
        var hash = default(HashCode);
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            hash.AddBytes(raw);
            return hash.ToHashCode();
        }
#endif
        hash.AddBytes(Encoding.UTF8.GetBytes(JsonStringText.NameKey(member)));
        return hash.ToHashCode();
    }

    /// <summary>
    /// Every undecodable string or member name and every repeated member name in a value, as errors at
    /// their JSON Pointers (below <paramref name="location"/>); <paramref name="illFormedText"/> says
    /// whether any text cannot be decoded (then only a repaired copy can be validated).
    /// </summary>
    public static List<ValidationError> Collect(in JsonElement value, string location, out bool illFormedText)
    {
        var errors = new List<ValidationError>();
        illFormedText = false;
        Collect(value, location, errors, ref illFormedText);
        return errors;
    }

    /// <summary>
    /// A copy of JSON text in which every string and member name that cannot be decoded has each bad part
    /// replaced by U+FFFD. The text must be well-formed JSON (it was parsed already).
    /// </summary>
    public static byte[] Repair(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096 });
        var copied = 0;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || JsonStringText.IsWellFormed(ref reader))
            {
                continue;
            }

            var start = checked((int)reader.TokenStartIndex) + 1; // after the opening quote
            var content = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            output.Write(json[copied..start]);
            JsonStringText.Repair(content, output);
            copied = start + content.Length;
        }

        output.Write(json[copied..]);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The bytes of a value as it was read, for repairing it.</summary>
    public static byte[] RawBytes(in JsonElement value)
    {
#if NET9_0_OR_GREATER
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).ToArray();
#else
        try
        {
            return Encoding.UTF8.GetBytes(value.GetRawText());
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 cannot be turned into a string; the element writes it as it came.
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                value.WriteTo(writer);
            }

            return buffer.WrittenSpan.ToArray();
        }
#endif
    }

    private static void Collect(in JsonElement value, string location, List<ValidationError> errors, ref bool illFormedText)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (!JsonStringText.IsWellFormed(value))
                {
                    illFormedText = true;
                    errors.Add(new ValidationError(location, string.Empty, "encoding", JsonStringText.ValueProblem));
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item, location + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), errors, ref illFormedText);
                    index++;
                }

                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in value.EnumerateObject())
                {
                    var wellFormed = JsonStringText.IsWellFormedName(member);
                    var key = JsonStringText.NameKey(member);
                    var memberLocation = location + "/" + JsonPointer.EscapeToken(wellFormed ? key : LossyName(member));
                    if (!wellFormed)
                    {
                        illFormedText = true;
                        errors.Add(new ValidationError(memberLocation, string.Empty, "encoding", JsonStringText.NameProblem));
                    }

                    if (!seen.Add(key))
                    {
                        errors.Add(new ValidationError(memberLocation, string.Empty, "duplicate", DuplicateMessage));
                    }

                    Collect(member.Value, memberLocation, errors, ref illFormedText);
                }

                break;
        }
    }

    /// <summary>The message for a member name that repeats an earlier one in its object.</summary>
    public const string DuplicateMessage = "the member name appears more than once in its object (I-JSON forbids it); the last copy is the one bound";

    private static string LossyName(in JsonProperty member)
    {
#if NET9_0_OR_GREATER
        return JsonStringText.Lossy(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member));
#else
        return "\uFFFD";
#endif
    }

    private static bool HasRepeatedName(in JsonElement value, int count)
    {
        if (count > PairwiseLimit)
        {
            var names = new HashSet<string>(count, StringComparer.Ordinal);
            foreach (var member in value.EnumerateObject())
            {
                if (!names.Add(JsonStringText.NameKey(member)))
                {
                    return true;
                }
            }

            return false;
        }

        // Few members: compare each with those before it, without allocating.
        var position = 0;
        foreach (var member in value.EnumerateObject())
        {
            var earlier = 0;
            foreach (var other in value.EnumerateObject())
            {
                if (earlier++ == position)
                {
                    break;
                }

                if (SameName(member, other))
                {
                    return true;
                }
            }

            position++;
        }

        return false;
    }

    private static bool SameName(in JsonProperty left, in JsonProperty right)
    {
#if NET9_0_OR_GREATER
        var a = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(left);
        var b = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(right);
        if (a.IndexOf((byte)'\\') < 0 && b.IndexOf((byte)'\\') < 0)
        {
            return a.SequenceEqual(b);
        }
#endif
        return string.Equals(JsonStringText.NameKey(left), JsonStringText.NameKey(right), StringComparison.Ordinal);
    }
}
