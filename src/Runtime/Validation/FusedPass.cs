using System;
using System.Text;
using System.Text.Json;
using Hooksmith.Serialization;

namespace Hooksmith.Validation;

/// <summary>
/// Issue 14's one pass: the reader pass's checks (<see cref="StreamSchema"/>) made while a model binds, on the
/// binder's own reads, so that a valid payload is read once. It only proves: when every check passed and binding
/// reported nothing, the payload is valid; anything else (a failed check, a keyword it leaves to others, a problem
/// binding reported) and <see cref="JsonModel.TryParse{T}(ReadOnlySpan{byte}, ValidationOptions, out T, out ValidationResult)"/>
/// validates as it always did. So the pass changes how long a valid payload takes, never a result.
/// </summary>
/// <remarks>
/// <para>
/// A value is offered to the schema of its location before its codec reads it (<see cref="Offer"/>). A scalar is
/// checked there. An object or array is left pending, at its first token, for the codec that reads it:
/// <see cref="ObjectReader"/> checks the members, <see cref="ListCodec{T, TCodec}"/> the items. A codec that reads
/// the value otherwise (raw JSON, a map, a union) leaves it pending, and so does every codec when the location applies
/// schemas in place (<c>allOf</c>, <c>oneOf</c>…): then <see cref="Settle"/> has the reader pass read the value on a
/// copy of the reader, once the codec has read it.
/// </para>
/// <para>
/// Depth counts as the reader pass counts it: a reference followed, a member or an item, a schema applied in place.
/// Text that may not decode is left to the document, as the reader pass leaves it.
/// </para>
/// </remarks>
internal static class FusedPass
{
    /// <summary>
    /// Checks the value at the reader (its first token) against <paramref name="schema"/>, or leaves it pending for
    /// the codec about to read it; marks the context unproven when it cannot show the value valid.
    /// </summary>
    public static void Offer(ref Utf8JsonReader reader, BindingContext context, StreamSchema schema, int depth)
    {
        var token = reader.TokenType;
        while (depth <= ValidationContext.MaxDepth)
        {
            if (schema.IsReference)
            {
                schema = schema.AllOf[0]();
                depth++;
            }
            else if (schema.HasTrials && Resolve(schema).NullOr is { } target)
            {
                // anyOf [target, {type: null}]: null matches the second branch; anything else only the first can.
                if (token == JsonTokenType.Null)
                {
                    return;
                }

                schema = target;
                depth++;
            }
            else
            {
                break;
            }
        }

        if (schema.NeedsDocument || depth > ValidationContext.MaxDepth)
        {
            context.Unproven = true;
            return;
        }

        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray && !schema.Never)
        {
            if (schema.AppliesInPlace)
            {
                // Pending at no token, so no codec takes it: Settle reads the value on a copy once the codec has read it
                // (a copy read first would find malformed JSON before the binder does).
                context.Leave(schema, -1, depth);
                return;
            }

            if (schema.ChecksScalars && !StreamingValidator.Scalars(ref reader, schema, context.FusedOptions, out _))
            {
                context.Unproven = true;
                return;
            }

            context.Leave(schema, reader.TokenStartIndex, depth);
            return;
        }

        // A scalar: the reader pass on a copy, which reads nothing past it.
        var copy = reader;
        if (StreamingValidator.Value(ref copy, schema, context.FusedOptions, depth) != StreamingValidator.Valid)
        {
            context.Unproven = true;
        }
    }

    /// <summary>
    /// After a codec read the value that started at <paramref name="start"/>: if it left the value's schema pending
    /// (it did not read the value member by member or item by item), the reader pass reads the value on a copy.
    /// </summary>
    public static void Settle(in Utf8JsonReader start, BindingContext context)
    {
        if (context.TakeAny(out var schema, out var depth))
        {
            Cover(start, context, schema, depth);
        }
    }

    /// <summary>The reader pass over the value at <paramref name="start"/>, on a copy of the reader.</summary>
    public static void Cover(Utf8JsonReader start, BindingContext context, StreamSchema schema, int depth)
    {
        if (StreamingValidator.Value(ref start, schema, context.FusedOptions, depth) != StreamingValidator.Valid)
        {
            context.Unproven = true;
        }
    }

    /// <summary>
    /// The reader pass over one member's value at <paramref name="start"/> (on a copy): every schema of
    /// <paramref name="objectSchema"/> that applies to it, by its name.
    /// </summary>
    public static void CoverMember(Utf8JsonReader start, BindingContext context, StreamSchema objectSchema, int depth, string name, int property)
    {
        const int StackLimit = 256;
        if (objectSchema.PatternSchemas is null)
        {
            var applied = 0;
            Verdict(context, StreamingValidator.Member(ref start, objectSchema, context.FusedOptions, depth, default, property, ref applied));
            return;
        }

        var length = Encoding.UTF8.GetByteCount(name);
        if (length > StackLimit)
        {
            context.Unproven = true; // the reader pass leaves such names to the document too
            return;
        }

        Span<byte> utf8 = stackalloc byte[StackLimit];
        var written = Encoding.UTF8.GetBytes(name, utf8);
        var count = 0;
        Verdict(context, StreamingValidator.Member(ref start, objectSchema, context.FusedOptions, depth, utf8[..written], property, ref count));
    }

    /// <summary>
    /// The schema a member's value is offered to: its property's, else <c>additionalProperties</c>, else none (any
    /// value). Null when <c>patternProperties</c> may apply: then the member is covered by <see cref="CoverMember"/>.
    /// </summary>
    public static StreamSchema? MemberSchema(StreamSchema objectSchema, int property)
    {
        if (objectSchema.PatternSchemas is not null)
        {
            return null;
        }

        var resolved = Resolve(objectSchema);
        return (uint)property < (uint)resolved.Properties.Length ? resolved.Properties[property] : resolved.Additional;
    }

    /// <summary>The schema of item <paramref name="index"/> of an array.</summary>
    public static StreamSchema ItemSchema(StreamSchema arraySchema, int index)
        => index < arraySchema.PrefixItems.Length ? arraySchema.PrefixItems[index]() : Resolve(arraySchema).Rest;

    /// <summary>
    /// Whether the object's own keywords hold at its end: <c>required</c> and <c>dependentRequired</c> over the
    /// names present (bits of <see cref="StreamSchema.PresenceNames"/>), <c>minProperties</c> and <c>maxProperties</c>.
    /// </summary>
    public static bool EndsObject(StreamSchema schema, ulong present, int count)
    {
        if ((present & schema.Required) != schema.Required
            || (schema.MinProperties >= 0 && count < schema.MinProperties)
            || (schema.MaxProperties >= 0 && count > schema.MaxProperties))
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

    /// <summary>Whether an array's count of items is within <c>minItems</c> and <c>maxItems</c>.</summary>
    public static bool EndsArray(StreamSchema schema, long count)
        => (schema.MinItems < 0 || count >= schema.MinItems) && (schema.MaxItems < 0 || count <= schema.MaxItems);

    /// <summary>
    /// How a model's members (numbered as its <c>TryRead</c> numbers them) map onto an object location: each
    /// member's property index and presence bit. Made once per location and model; a location read by another
    /// model (a type shared by locations) is mapped again.
    /// </summary>
    public static Members MembersOf(StreamSchema schema, PropertyNameSet modelNames)
    {
        var resolved = Resolve(schema);
        if (resolved.Members is { } known && ReferenceEquals(known.Model, modelNames))
        {
            return known;
        }

        var properties = new int[modelNames.Count];
        var presence = new ulong[modelNames.Count];
        for (var i = 0; i < modelNames.Count; i++)
        {
            // A name with an unpaired surrogate is never found, so no member is ever read by it.
            var name = modelNames.NameAt(i);
            properties[i] = name is null ? -1 : schema.PropertyNames?.IndexOf(name) ?? -1;
            presence[i] = name is null || schema.PresenceNames is not { } names ? 0 : PropertyNameSet.Bit(names.IndexOf(name));
        }

        var members = new Members(modelNames, properties, presence);
        resolved.Members = members;
        return members;
    }

    /// <summary>The presence bit of the member whose name the reader is on (for a member the model does not name).</summary>
    public static ulong PresenceOf(StreamSchema schema, ref readonly Utf8JsonReader reader)
        => schema.PresenceNames is { } names ? PropertyNameSet.Bit(names.IndexOfName(in reader)) : 0;

    private static void Verdict(BindingContext context, int verdict)
    {
        if (verdict != StreamingValidator.Valid)
        {
            context.Unproven = true;
        }
    }

    private static Resolved Resolve(StreamSchema schema) => schema.Fused ??= new Resolved(schema);

    /// <summary>A model's members mapped onto an object location (see <see cref="MembersOf"/>).</summary>
    internal sealed record Members(PropertyNameSet Model, int[] Properties, ulong[] Presence);

    /// <summary>
    /// What the pass uses of a location, its subschemas' initializers called once: the schema of each property, of
    /// <c>additionalProperties</c> and of the items after the prefix (<see cref="StreamSchema.True"/> where absent),
    /// and the target of a nullable <c>anyOf</c>.
    /// </summary>
    internal sealed class Resolved
    {
        public Resolved(StreamSchema schema)
        {
            var properties = new StreamSchema[schema.PropertySchemas.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                properties[i] = schema.PropertySchemas[i]();
            }

            Properties = properties;
            Additional = schema.Additional?.Invoke() ?? StreamSchema.True;
            Rest = schema.RestItems?.Invoke() ?? StreamSchema.True;
            if (schema.IsAnyOfPair && schema.AnyOf is [[var first, var second]])
            {
                var (a, b) = (first(), second());
                NullOr = b.IsNullType ? a : a.IsNullType ? b : null;
            }
        }

        public StreamSchema[] Properties { get; }

        public StreamSchema Additional { get; }

        public StreamSchema Rest { get; }

        /// <summary>For <c>anyOf: [X, {type: null}]</c> (either order) and nothing else, X.</summary>
        public StreamSchema? NullOr { get; }

        public Members? Members { get; set; }
    }
}
