using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hooksmith.Serialization;

namespace Hooksmith.Validation;

/// <summary>
/// Evaluates a <see cref="StreamSchema"/> over a payload in one <see cref="Utf8JsonReader"/> pass, deciding only
/// whether it is valid. Schemas applied in place to the same value (<c>$ref</c>, <c>allOf</c>, <c>anyOf</c>…) read
/// it through copies of the reader (a copy replays the same bytes); member names are compared by hash for
/// repeats, as the document's integrity walk does. Anything it does not evaluate makes it undecided.
/// </summary>
internal static class StreamingValidator
{
    internal const int Undecided = -1;
    internal const int Invalid = 0;
    internal const int Valid = 1;

    /// <summary>Objects with more members than this are left to the document validators.</summary>
    private const int MaxMembers = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 256,
    };

    public static StreamVerdict Evaluate(ReadOnlySpan<byte> utf8Json, StreamSchema schema, ValidationOptions options)
    {
        // Undecodable text is reported by the integrity walk and checked on a repaired copy: the document's business.
        if (JsonIntegrity.MayHoldIllFormedText(utf8Json))
        {
            return StreamVerdict.Undecided;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read())
            {
                return StreamVerdict.Undecided;
            }

            var result = Value(ref reader, schema, options, 0);
            if (result == Undecided || reader.Read())
            {
                return StreamVerdict.Undecided;
            }

            return result == Valid ? StreamVerdict.Valid : StreamVerdict.Invalid;
        }
        catch (JsonException)
        {
            return StreamVerdict.Undecided;
        }
    }

    /// <summary>Evaluates the value at the reader and, when valid, leaves the reader on its last token.</summary>
    internal static int Value(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth)
    {
        while (schema.IsReference && depth <= ValidationContext.MaxDepth)
        {
            schema = schema.AllOf[0]();
            depth++;
        }

        if (schema.NeedsDocument || depth > ValidationContext.MaxDepth)
        {
            return Undecided;
        }

        if (schema.Never)
        {
            return Invalid;
        }

        var token = reader.TokenType;
        if (schema.AcceptsNull && token == JsonTokenType.Null)
        {
            return Valid;
        }

        if (schema.ChecksScalars && !Scalars(ref reader, schema, options, out var scalar))
        {
            return scalar;
        }

        if (schema.AppliesInPlace)
        {
            return InPlace(ref reader, schema, options, depth);
        }

        if (token is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return Valid;
        }

        var structure = schema.ReadsStructure ? schema : Unchecked;
        return token == JsonTokenType.StartObject ? Object(ref reader, structure, options, depth) : Array(ref reader, structure, options, depth);
    }

    /// <summary>
    /// The in-place schemas (<c>$ref</c>, <c>allOf</c>, <c>anyOf</c>…), each reading the value through a copy of the
    /// reader; the last of <c>allOf</c> takes the reader itself when the location reads no members or items of its own.
    /// </summary>
    private static int InPlace(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth)
    {
        var token = reader.TokenType;
        var structure = schema.ReadsStructure && token is JsonTokenType.StartObject or JsonTokenType.StartArray;
        var finished = false;
        var finishedAt = default(Utf8JsonReader);
        var allOf = schema.AllOf;
        var last = structure || schema.HasTrials ? allOf.Length : allOf.Length - 1;
        for (var i = 0; i < allOf.Length; i++)
        {
            if (i == last)
            {
                return Value(ref reader, allOf[i](), options, depth + 1);
            }

            var copy = reader;
            var result = Value(ref copy, allOf[i](), options, depth + 1);
            if (result != Valid)
            {
                return result;
            }

            finished = true;
            finishedAt = copy;
        }

        if (schema.HasTrials)
        {
            var trial = Trials(ref reader, schema, options, depth, ref finished, ref finishedAt);
            if (trial != Valid)
            {
                return trial;
            }
        }

        if (structure)
        {
            return token == JsonTokenType.StartObject ? Object(ref reader, schema, options, depth) : Array(ref reader, schema, options, depth);
        }

        if (finished)
        {
            reader = finishedAt;
            return Valid;
        }

        return Skip(ref reader, options, depth);
    }

    /// <summary>The keywords that look at the current token only; false (with the verdict) when one fails or cannot be decided.</summary>
    internal static bool Scalars(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, out int verdict)
    {
        verdict = Invalid;
        var token = reader.TokenType;
        if (schema.Types != StreamTypes.Any && !HasType(ref reader, schema.Types))
        {
            return false;
        }

        if (schema.Constants is { } sets)
        {
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return false; // a constant of scalars never equals an object or an array
            }

            foreach (var set in sets)
            {
                if (!MatchesAny(ref reader, set))
                {
                    return false;
                }
            }
        }

        if (token == JsonTokenType.Number && (schema.NumberLimits is not null || schema.MultiplesOf is not null))
        {
            if (!JsonNumber.TryParse(reader.ValueSpan, out var number))
            {
                verdict = Undecided;
                return false;
            }

            foreach (var limit in schema.NumberLimits ?? [])
            {
                var comparison = number.CompareTo(limit.Limit);
                var fits = limit.IsMinimum
                    ? (limit.IsExclusive ? comparison > 0 : comparison >= 0)
                    : (limit.IsExclusive ? comparison < 0 : comparison <= 0);
                if (!fits)
                {
                    return false;
                }
            }

            foreach (var divisor in schema.MultiplesOf ?? [])
            {
                if (!SchemaChecks.IsMultipleOf(reader.ValueSpan, divisor))
                {
                    return false;
                }
            }
        }

        if (token == JsonTokenType.String)
        {
            if (schema.Formats is { } formats)
            {
                foreach (var (_, assertsByDefault) in formats)
                {
                    if (options.AssertFormats ?? assertsByDefault)
                    {
                        verdict = Undecided;
                        return false;
                    }
                }
            }

            if (schema.MinLength >= 0 || schema.MaxLength >= 0 || schema.Patterns is not null)
            {
                var result = Text(ref reader, schema);
                if (result != Valid)
                {
                    verdict = result;
                    return false;
                }
            }
        }

        verdict = Valid;
        return true;
    }

    private static bool MatchesAny(ref Utf8JsonReader reader, StreamConstant[] set)
    {
        foreach (var constant in set)
        {
            if (constant.Matches(ref reader))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasType(ref Utf8JsonReader reader, StreamTypes types) => reader.TokenType switch
    {
        JsonTokenType.Null => (types & StreamTypes.Null) != 0,
        JsonTokenType.True or JsonTokenType.False => (types & StreamTypes.Boolean) != 0,
        JsonTokenType.StartObject => (types & StreamTypes.Object) != 0,
        JsonTokenType.StartArray => (types & StreamTypes.Array) != 0,
        JsonTokenType.String => (types & StreamTypes.String) != 0,
        JsonTokenType.Number => (types & StreamTypes.Number) != 0
            || ((types & StreamTypes.Integer) != 0 && (reader.TryGetInt64(out _) || JsonNumber.IsIntegerLiteral(reader.ValueSpan))),
        _ => false,
    };

    /// <summary>String lengths (in code points) and patterns, over the decoded text.</summary>
    private static int Text(ref Utf8JsonReader reader, StreamSchema schema)
    {
        const int StackLimit = 256;
        var raw = reader.ValueSpan;
        byte[]? rentedBytes = null;
        char[]? rentedChars = null;
        try
        {
            scoped ReadOnlySpan<byte> utf8 = raw;
            if (reader.ValueIsEscaped)
            {
                Span<byte> decoded = raw.Length <= StackLimit ? stackalloc byte[StackLimit] : (rentedBytes = ArrayPool<byte>.Shared.Rent(raw.Length));
                utf8 = decoded[..reader.CopyString(decoded)];
            }

            if (schema.MinLength >= 0 || schema.MaxLength >= 0)
            {
                long points = 0;
                foreach (var b in utf8)
                {
                    if ((b & 0xC0) != 0x80)
                    {
                        points++;
                    }
                }

                if ((schema.MinLength >= 0 && points < schema.MinLength) || (schema.MaxLength >= 0 && points > schema.MaxLength))
                {
                    return Invalid;
                }
            }

            if (schema.Patterns is { } patterns)
            {
                Span<char> chars = utf8.Length <= StackLimit ? stackalloc char[StackLimit] : (rentedChars = ArrayPool<char>.Shared.Rent(utf8.Length));
                var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
                foreach (var pattern in patterns)
                {
                    if (!IsMatch(pattern, text))
                    {
                        return Invalid;
                    }
                }
            }

            return Valid;
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private static bool IsMatch(Regex pattern, ReadOnlySpan<char> text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary><c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>: each schema tried on a copy of the reader.</summary>
    private static int Trials(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth, ref bool finished, ref Utf8JsonReader finishedAt)
    {
        foreach (var group in schema.AnyOf ?? [])
        {
            var any = false;
            foreach (var branch in group)
            {
                var result = Try(ref reader, branch(), options, depth, ref finished, ref finishedAt);
                if (result == Undecided)
                {
                    return Undecided;
                }

                if (result == Valid)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return Invalid;
            }
        }

        foreach (var group in schema.OneOf ?? [])
        {
            var matches = 0;
            foreach (var branch in group)
            {
                var result = Try(ref reader, branch(), options, depth, ref finished, ref finishedAt);
                if (result == Undecided)
                {
                    return Undecided;
                }

                matches += result;
            }

            if (matches != 1)
            {
                return Invalid;
            }
        }

        foreach (var negated in schema.Not ?? [])
        {
            var result = Try(ref reader, negated(), options, depth, ref finished, ref finishedAt);
            if (result != Invalid)
            {
                return result == Valid ? Invalid : Undecided;
            }
        }

        foreach (var (condition, then, otherwise) in schema.Conditionals ?? [])
        {
            var result = Try(ref reader, condition(), options, depth, ref finished, ref finishedAt);
            if (result == Undecided)
            {
                return Undecided;
            }

            var branch = result == Valid ? then : otherwise;
            if (branch is not null)
            {
                var outcome = Try(ref reader, branch(), options, depth, ref finished, ref finishedAt);
                if (outcome != Valid)
                {
                    return outcome;
                }
            }
        }

        return Valid;
    }

    private static int Try(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth, ref bool finished, ref Utf8JsonReader finishedAt)
    {
        // A branch of the wrong type fails at its first keyword: no need to copy the reader to find out.
        var target = schema;
        for (var hops = 0; target.IsReference && hops < 8; hops++)
        {
            target = target.AllOf[0]();
        }

        if (target.Types != StreamTypes.Any && !target.NeedsDocument && !(target.AcceptsNull && reader.TokenType == JsonTokenType.Null) && !HasType(ref reader, target.Types))
        {
            return Invalid;
        }

        var copy = reader;
        var result = Value(ref copy, schema, options, depth + 1);
        if (result == Valid)
        {
            finished = true;
            finishedAt = copy;
        }

        return result;
    }

    /// <summary>An object's members against the location's member keywords, its names checked for repeats.</summary>
    private static int Object(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth)
    {
        Span<int> hashes = stackalloc int[MaxMembers];
        var count = 0;
        var hashed = 0;
        var seen = 0UL;
        var present = 0UL;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (hashed == MaxMembers)
            {
                return Undecided;
            }

            scoped ReadOnlySpan<byte> name = reader.ValueSpan;
            if (reader.ValueIsEscaped)
            {
                name = Encoding.UTF8.GetBytes(reader.GetString()!); // rare: decoded onto the heap
            }

            // Repeated names: a property's by a bit per property, any other name's by a hash of it.
            var property = schema.PropertyNames?.IndexOf(name) ?? -1;
            if ((uint)property < 64)
            {
                if ((seen & (1UL << property)) != 0)
                {
                    return Undecided; // the document reports the repeat
                }

                seen |= 1UL << property;
            }
            else
            {
                var hash = Hash(name);
                if (hashes[..hashed].Contains(hash))
                {
                    return Undecided; // a repeated name (or a collision): the document reports it
                }

                hashes[hashed++] = hash;
            }

            count++;
            if (schema.PresenceNames is { } presence && presence.IndexOf(name) is var bit and >= 0)
            {
                present |= 1UL << bit;
            }

            var applied = 0;
            reader.Read();
            var result = Member(ref reader, schema, options, depth, name, property, ref applied);
            if (result != Valid)
            {
                return result;
            }
        }

        return HoldsAtObjectEnd(schema, present, count) ? Valid : Invalid;
    }

    /// <summary>
    /// The keywords decided at an object's end: <c>minProperties</c> and <c>maxProperties</c> over its member count,
    /// <c>required</c> and <c>dependentRequired</c> over the names present (bits of <see cref="StreamSchema.PresenceNames"/>).
    /// </summary>
    internal static bool HoldsAtObjectEnd(StreamSchema schema, ulong present, long count)
    {
        if ((schema.MinProperties >= 0 && count < schema.MinProperties) || (schema.MaxProperties >= 0 && count > schema.MaxProperties)
            || (present & schema.Required) != schema.Required)
        {
            return false;
        }

        foreach (var (property, required) in schema.DependentRequired ?? [])
        {
            if ((present & (1UL << property)) != 0 && (present & required) != required)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The keywords decided at an array's end: <c>minItems</c> and <c>maxItems</c> over its item count.</summary>
    internal static bool HoldsAtArrayEnd(StreamSchema schema, long count)
        => (schema.MinItems < 0 || count >= schema.MinItems) && (schema.MaxItems < 0 || count <= schema.MaxItems);

    /// <summary>
    /// A member's value against every schema that applies to it: its property's, each matching pattern's, else
    /// <c>additionalProperties</c>; all but the last on copies of the reader, the last (or a plain read) on the reader.
    /// </summary>
    internal static int Member(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth, scoped ReadOnlySpan<byte> name, int property, ref int applied)
    {
        StreamSchema? pending = property >= 0 ? schema.PropertySchemas[property]() : null;
        if (schema.PatternSchemas is { } patterns)
        {
            const int StackLimit = 256;
            if (name.Length > StackLimit)
            {
                return Undecided;
            }

            Span<char> chars = stackalloc char[StackLimit];
            var text = chars[..Encoding.UTF8.GetChars(name, chars)];
            foreach (var (pattern, target) in patterns)
            {
                if (!IsMatch(pattern, text))
                {
                    continue;
                }

                if (pending is not null)
                {
                    var copy = reader;
                    var result = Value(ref copy, pending, options, depth + 1);
                    if (result != Valid)
                    {
                        return result;
                    }
                }

                pending = target();
                applied++;
            }
        }

        if (property < 0 && applied == 0 && schema.Additional is { } additional)
        {
            pending = additional();
        }

        return pending is null ? Skip(ref reader, options, depth) : Value(ref reader, pending, options, depth + 1);
    }

    /// <summary>An array's items against the item keywords.</summary>
    private static int Array(ref Utf8JsonReader reader, StreamSchema schema, ValidationOptions options, int depth)
    {
        long count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = count < schema.PrefixItems.Length ? schema.PrefixItems[(int)count]() : schema.RestItems?.Invoke();
            var result = item is null ? Skip(ref reader, options, depth) : Value(ref reader, item, options, depth + 1);
            if (result != Valid)
            {
                return result;
            }

            count++;
        }

        return HoldsAtArrayEnd(schema, count) ? Valid : Invalid;
    }

    /// <summary>Moves past a value no keyword looks into, still checking its objects' names for repeats.</summary>
    private static int Skip(ref Utf8JsonReader reader, ValidationOptions options, int depth)
        => reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? Value(ref reader, Unchecked, options, depth) : Valid;

    /// <summary>A schema with no keywords that still reads objects and arrays, so their names are checked.</summary>
    private static readonly StreamSchema Unchecked = new() { MinItems = 0, MinProperties = 0 };

    /// <summary>FNV-1a: names are short, and a collision only sends the payload to the document.</summary>
    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = 2166136261u;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
