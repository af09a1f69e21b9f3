using System;
using System.Runtime.CompilerServices;
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
/// A value is offered to the schema of its location before its codec reads it (<see cref="Offer(ref Utf8JsonReader, BindingContext, StreamSchema, int)"/>). A scalar is
/// checked there. An object or array is left pending, at its first token, for the codec that reads it:
/// <see cref="ObjectReader"/> and <see cref="MapCodec{T, TCodec}"/> check the members (<see cref="ObjectChecks"/>),
/// <see cref="ListCodec{T, TCodec}"/> the items. A codec that reads the value otherwise (raw JSON, a union) leaves it
/// pending, and so does every codec when the location applies schemas in place (<c>allOf</c>, <c>oneOf</c>…): then
/// <see cref="Settle"/> has the reader pass read the value on a copy of the reader, once the codec has read it.
/// </para>
/// <para>
/// Depth counts as the reader pass counts it: a reference followed, a member or an item, a schema applied in place.
/// Text that may not decode is left to the document, as the reader pass leaves it.
/// </para>
/// </remarks>
internal static class FusedPass
{
    /// <summary>How many references and nullable anyOfs in a row <see cref="Resolved"/> follows before it leaves a value to the slower loop.</summary>
    private const int MaxHops = 32;

    private const int AnyToken = 1 << (int)JsonTokenType.Null | 1 << (int)JsonTokenType.True | 1 << (int)JsonTokenType.False
        | 1 << (int)JsonTokenType.String | 1 << (int)JsonTokenType.Number | 1 << (int)JsonTokenType.StartObject | 1 << (int)JsonTokenType.StartArray;

    /// <summary>
    /// Checks the value at the reader (its first token) against the location <paramref name="resolved"/> stands for, or
    /// leaves it pending for the codec about to read it; marks the context unproven when it cannot show the value valid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Offer(ref Utf8JsonReader reader, BindingContext context, Resolved resolved, int depth)
    {
        // The common case inline: a location that checks nothing of the value itself but its JSON type.
        var token = reader.TokenType;
        var quick = resolved.Quick;
        if (quick != 0 && depth + resolved.Hops <= ValidationContext.MaxDepth && ((quick & Resolved.Formats) == 0 || !context.AssertsFormats))
        {
            if (token == JsonTokenType.Null && (quick & Resolved.NullableOnTheWay) != 0)
            {
                return; // a nullable anyOf on the way to the target: null matches its null branch
            }

            if (((quick >> (int)token) & 1) == 0)
            {
                context.Unproven = true;
            }
            else if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                context.Leave(resolved.Target!, reader.TokenStartIndex, depth + resolved.Hops);
            }
            else if (token == JsonTokenType.Number && (quick & Resolved.IntegerOnly) != 0 && !reader.TryGetInt64(out _) && !JsonNumber.IsIntegerLiteral(reader.ValueSpan))
            {
                context.Unproven = true; // as StreamingValidator's HasType decides an integer
            }

            return;
        }

        OfferAny(ref reader, context, resolved, depth);
    }

    /// <inheritdoc cref="Offer(ref Utf8JsonReader, BindingContext, Resolved, int)"/>
    public static void Offer(ref Utf8JsonReader reader, BindingContext context, StreamSchema schema, int depth)
        => Offer(ref reader, context, Resolve(schema), depth);

    private static void OfferAny(ref Utf8JsonReader reader, BindingContext context, Resolved resolved, int depth)
    {
        var token = reader.TokenType;
        var schema = resolved.Schema;
        if (resolved.Target is { } target && depth + resolved.Hops <= ValidationContext.MaxDepth)
        {
            if (token == JsonTokenType.Null && resolved.HasNullableOnTheWay)
            {
                return; // a nullable anyOf on the way to the target: null matches its null branch
            }

            schema = target;
            depth += resolved.Hops;
        }
        else
        {
            while (depth <= ValidationContext.MaxDepth)
            {
                if (schema.IsReference)
                {
                    schema = schema.AllOf[0]();
                    depth++;
                }
                else if (NullableTarget(schema) is { } nonNull)
                {
                    if (token == JsonTokenType.Null)
                    {
                        return;
                    }

                    schema = nonNull;
                    depth++;
                }
                else
                {
                    break;
                }
            }
        }

        if (schema.NeedsDocument || schema.Never || depth > ValidationContext.MaxDepth)
        {
            context.Unproven = true;
            return;
        }

        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
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

        if (schema.AppliesInPlace)
        {
            // A scalar the in-place schemas read on copies of the reader: none reads past it.
            var copy = reader;
            if (StreamingValidator.Value(ref copy, schema, context.FusedOptions, depth) != StreamingValidator.Valid)
            {
                context.Unproven = true;
            }
        }
        else if (!(schema.AcceptsNull && token == JsonTokenType.Null) && schema.ChecksScalars && !StreamingValidator.Scalars(ref reader, schema, context.FusedOptions, out _))
        {
            context.Unproven = true;
        }
    }

    /// <summary>
    /// After a codec read the value that started at <paramref name="start"/>: if it left the value's schema pending
    /// (it did not read the value member by member or item by item), the reader pass reads the value on a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Settle(in Utf8JsonReader start, BindingContext context)
    {
        if (context.HasPending)
        {
            Cover(in start, context);
        }
    }

    private static void Cover(in Utf8JsonReader start, BindingContext context)
    {
        if (context.TakeAny(out var schema, out var depth))
        {
            var copy = start;
            Verdict(context, StreamingValidator.Value(ref copy, schema, context.FusedOptions, depth));
        }
    }

    /// <summary>
    /// The reader pass over one member's value at <paramref name="start"/> (on a copy): every schema of
    /// <paramref name="objectSchema"/> that applies to it, by its name (for a location with <c>patternProperties</c>).
    /// </summary>
    private static void CoverMember(Utf8JsonReader start, BindingContext context, StreamSchema objectSchema, int depth, string name, int property)
    {
        const int StackLimit = 256;
        var applied = 0;
        if (Encoding.UTF8.GetByteCount(name) > StackLimit)
        {
            context.Unproven = true; // the reader pass leaves such names to the document too
            return;
        }

        Span<byte> utf8 = stackalloc byte[StackLimit];
        var written = Encoding.UTF8.GetBytes(name, utf8);
        Verdict(context, StreamingValidator.Member(ref start, objectSchema, context.FusedOptions, depth, utf8[..written], property, ref applied));
    }

    /// <summary>The location of item <paramref name="index"/> of an array.</summary>
    public static Resolved ItemOf(StreamSchema arraySchema, int index)
        => index < arraySchema.PrefixItems.Length ? Resolve(arraySchema.PrefixItems[index]()) : Resolve(arraySchema).Rest;

    /// <summary>What the pass keeps of a location, made on its first use there.</summary>
    public static Resolved Resolve(StreamSchema schema) => schema.Fused ??= new Resolved(schema);

    private static void Verdict(BindingContext context, int verdict)
    {
        if (verdict != StreamingValidator.Valid)
        {
            context.Unproven = true;
        }
    }

    /// <summary>For a location whose only keyword is <c>anyOf: [X, {type: null}]</c> (either order), X.</summary>
    private static StreamSchema? NullableTarget(StreamSchema schema)
    {
        if (!schema.IsAnyOfPair || schema.AnyOf is not [[var first, var second]])
        {
            return null;
        }

        var (a, b) = (first(), second());
        return b.IsNullType ? a : a.IsNullType ? b : null;
    }

    /// <summary>Whether a location's only keywords that look at a scalar are <c>type</c> and <c>format</c>.</summary>
    private static bool ChecksTypeOnly(StreamSchema schema)
        => schema.Constants is null && schema.NumberLimits is null && schema.MultiplesOf is null && schema.Patterns is null
            && schema.MinLength < 0 && schema.MaxLength < 0;

    /// <summary>The first tokens of a value (as bits: <c>1 &lt;&lt; token</c>) that <c>type</c> allows.</summary>
    private static int TokensOf(StreamTypes types)
        => types == StreamTypes.Any
            ? AnyToken
            : ((types & StreamTypes.Null) != 0 ? 1 << (int)JsonTokenType.Null : 0)
                | ((types & StreamTypes.Object) != 0 ? 1 << (int)JsonTokenType.StartObject : 0)
                | ((types & StreamTypes.Array) != 0 ? 1 << (int)JsonTokenType.StartArray : 0)
                | ((types & StreamTypes.Boolean) != 0 ? 1 << (int)JsonTokenType.True | 1 << (int)JsonTokenType.False : 0)
                | ((types & StreamTypes.String) != 0 ? 1 << (int)JsonTokenType.String : 0)
                | ((types & (StreamTypes.Number | StreamTypes.Integer)) != 0 ? 1 << (int)JsonTokenType.Number : 0);

    /// <summary>
    /// What the pass uses of a location, worked out on its first use: the references and nullable <c>anyOf</c>s a value
    /// goes through to the schema that checks it, whether that schema checks a scalar's JSON type only, and the
    /// schemas of its properties, <c>additionalProperties</c> and items (their initializers called once).
    /// </summary>
    /// <remarks>Its constructor resolves no other location (a recursive schema would never end): those are resolved when first used.</remarks>
    internal sealed class Resolved
    {
        private Resolved? _rest;
        private MemberMap[] _maps = [];

        public Resolved(StreamSchema schema)
        {
            Schema = schema;
            var properties = new StreamSchema[schema.PropertySchemas.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                properties[i] = schema.PropertySchemas[i]();
            }

            Properties = properties;
            Additional = schema.Additional?.Invoke() ?? StreamSchema.True;

            var target = schema;
            for (var hop = 0; hop <= MaxHops; hop++)
            {
                if (target.IsReference)
                {
                    target = target.AllOf[0]();
                }
                else if (NullableTarget(target) is { } nonNull)
                {
                    target = nonNull;
                    HasNullableOnTheWay = true;
                }
                else
                {
                    Target = target;
                    Hops = hop;
                    break;
                }
            }

            // A format that asserts unless a run says otherwise sends strings to the reader pass, which leaves them to the document.
            if (Target is { NeedsDocument: false, Never: false, AppliesInPlace: false } checking && ChecksTypeOnly(checking)
                && !(checking.Formats is { } formats && Array.Exists(formats, f => f.AssertsByDefault)))
            {
                Quick = TokensOf(checking.Types)
                    | (checking.AcceptsNull ? 1 << (int)JsonTokenType.Null : 0)
                    | (HasNullableOnTheWay ? NullableOnTheWay : 0)
                    | ((checking.Types & StreamTypes.Integer) != 0 && (checking.Types & StreamTypes.Number) == 0 ? IntegerOnly : 0)
                    | (checking.Formats is not null ? Formats : 0);
            }
        }

        /// <summary><see cref="Quick"/>: null matches a nullable anyOf on the way to the target.</summary>
        public const int NullableOnTheWay = 1 << 16;

        /// <summary><see cref="Quick"/>: a number passes only when it is an integer (<c>type: integer</c> without <c>number</c>).</summary>
        public const int IntegerOnly = 1 << 17;

        /// <summary><see cref="Quick"/>: the target has formats, which assert only when a run asks (then strings take the longer way).</summary>
        public const int Formats = 1 << 18;

        /// <summary>
        /// When <see cref="Target"/> checks nothing of a value itself but its JSON type (what it checks of an object's
        /// members or an array's items is left pending for the codec): the first tokens that pass (bits
        /// <c>1 &lt;&lt; token</c>) with the flags above; 0 otherwise. One field, read once per value.
        /// </summary>
        public readonly int Quick;

        /// <summary>How many references and nullable anyOfs lead to <see cref="Target"/>.</summary>
        public readonly int Hops;

        /// <summary>The location.</summary>
        public StreamSchema Schema { get; }

        /// <summary>The schema of each property (<c>properties</c>, by index).</summary>
        public StreamSchema[] Properties { get; }

        /// <summary><c>additionalProperties</c>, <see cref="StreamSchema.True"/> where absent.</summary>
        public StreamSchema Additional { get; }

        /// <summary>The location of the items after the prefix.</summary>
        public Resolved Rest => _rest ??= Resolve(Schema.RestItems?.Invoke() ?? StreamSchema.True);

        /// <summary>The schema a value is checked against once <see cref="Hops"/> references and nullable anyOfs are followed; null when they go on too long.</summary>
        public StreamSchema? Target { get; }

        /// <summary>Whether a nullable anyOf is among the hops, which null then matches.</summary>
        public bool HasNullableOnTheWay { get; }

        /// <summary>
        /// The map of a model's members onto this location, made on first use. A location may be read by several models
        /// (structurally equal schemas share one location, each name keeps its type): each gets its own map.
        /// </summary>
        public MemberMap MapFor(PropertyNameSet modelNames)
        {
            var maps = _maps;
            foreach (var known in maps)
            {
                if (ReferenceEquals(known.Model, modelNames))
                {
                    return known;
                }
            }

            // Copied on write: a map lost to a race between threads is made again on its next use.
            var map = ObjectChecks.MapOnto(this, modelNames);
            _maps = [.. maps, map];
            return map;
        }
    }

    /// <summary>
    /// How a model's members (numbered as its <c>TryRead</c> numbers them) map onto an object location: each member's
    /// property index, presence bit and value location (null where <c>patternProperties</c> may apply).
    /// </summary>
    /// <remarks>
    /// When the model names every name the location's keywords look at (<see cref="NamesAll"/>), a member the model
    /// does not name is none of them: its value location is <see cref="Unnamed"/>, found without a lookup.
    /// </remarks>
    internal sealed record MemberMap(PropertyNameSet Model, MemberMap.Entry[] Entries, bool NamesAll, Resolved? Unnamed)
    {
        /// <summary>One model member: its property index (-1 for none), presence bit and value location.</summary>
        internal readonly record struct Entry(int Property, ulong Presence, Resolved? Value);
    }

    /// <summary>
    /// The fused pass over one object whose members a codec reads one by one (a model's <see cref="ObjectReader"/>, a
    /// <see cref="MapCodec{T, TCodec}"/>): each member's value is offered to its schema, and the object's own keywords
    /// are checked at its end. Off (every call does nothing) when no schema was pending for the object.
    /// </summary>
    internal struct ObjectChecks
    {
        private StreamSchema? _schema;
        private int _depth;
        private MemberMap? _members;
        private ulong _present;
        private int _count;
        private int _property;
        private Resolved? _value;

        /// <summary>Whether the object's members are being checked.</summary>
        public readonly bool IsOn => _schema is not null;

        /// <summary>Takes the schema pending for the object at the reader (its first token), if one is.</summary>
        public static ObjectChecks Start(ref readonly Utf8JsonReader reader, BindingContext context)
            => context.Take(in reader, out var depth) is { } schema ? new ObjectChecks { _schema = schema, _depth = depth } : default;

        /// <summary>Maps the model's members onto the location, once per object (the maps are kept on the location).</summary>
        public void Map(PropertyNameSet modelNames)
        {
            if (_schema is not null && _members is null)
            {
                _members = Resolve(_schema).MapFor(modelNames);
            }
        }

        /// <summary>
        /// A member (the reader on its name): model member <paramref name="index"/> after <see cref="Map"/>, or -1 for a
        /// member the model does not name. Counts it present and finds the schema its value is checked against.
        /// </summary>
        public void Name(ref readonly Utf8JsonReader reader, int index)
        {
            if (_schema is not { } schema)
            {
                return;
            }

            _count++;
            if (_members is { } members)
            {
                if ((uint)index < (uint)members.Entries.Length)
                {
                    var entry = members.Entries[index];
                    _present |= entry.Presence;
                    _property = entry.Property;
                    _value = entry.Value;
                    return;
                }

                if (members.NamesAll)
                {
                    _property = -1;
                    _value = members.Unnamed;
                    return;
                }
            }

            _present |= schema.PresenceNames is { } presence ? PropertyNameSet.Bit(presence.IndexOfName(in reader)) : 0;
            _property = schema.PropertyNames?.IndexOfName(in reader) ?? -1;
            _value = ValueOf(Resolve(schema), _property);
        }

        /// <summary>Offers the member's value (the reader on its first token) to its schema.</summary>
        public readonly void Offer(ref Utf8JsonReader reader, BindingContext context)
        {
            if (_value is { } value)
            {
                FusedPass.Offer(ref reader, context, value, _depth + 1);
            }
        }

        /// <summary>Once the member's codec has read the value that started at <paramref name="start"/>: what it left unchecked is read on a copy.</summary>
        public readonly void Settle(in Utf8JsonReader start, BindingContext context, string name)
        {
            if (_schema is null)
            {
                return;
            }

            if (_value is null)
            {
                CoverMember(start, context, _schema, _depth, name, _property);
            }
            else
            {
                FusedPass.Settle(in start, context);
            }
        }

        /// <summary>At the object's end: <c>required</c>, <c>dependentRequired</c>, <c>minProperties</c> and <c>maxProperties</c>.</summary>
        public readonly void End(BindingContext context)
        {
            if (_schema is { } schema && !StreamingValidator.HoldsAtObjectEnd(schema, _present, _count))
            {
                context.Unproven = true;
            }
        }

        internal static MemberMap MapOnto(Resolved location, PropertyNameSet modelNames)
        {
            var schema = location.Schema;
            var entries = new MemberMap.Entry[modelNames.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                // A name with an unpaired surrogate is never found, so no member is ever read by it.
                var name = modelNames.NameAt(i);
                var property = name is null ? -1 : schema.PropertyNames?.IndexOf(name) ?? -1;
                var presence = name is null || schema.PresenceNames is not { } names ? 0 : PropertyNameSet.Bit(names.IndexOf(name));
                entries[i] = new MemberMap.Entry(property, presence, ValueOf(location, property));
            }

            var namesAll = NamesEvery(modelNames, schema.PropertyNames) && NamesEvery(modelNames, schema.PresenceNames);
            return new MemberMap(modelNames, entries, namesAll, ValueOf(location, -1));
        }

        /// <summary>Whether <paramref name="modelNames"/> has every name of <paramref name="names"/> that a member can spell.</summary>
        private static bool NamesEvery(PropertyNameSet modelNames, PropertyNameSet? names)
        {
            for (var i = 0; i < (names?.Count ?? 0); i++)
            {
                if (names!.NameAt(i) is { } name && modelNames.IndexOf(name) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A member's value location: its property's, else <c>additionalProperties</c>; null where <c>patternProperties</c> may apply.</summary>
        private static Resolved? ValueOf(Resolved location, int property)
            => location.Schema.PatternSchemas is not null ? null
                : Resolve((uint)property < (uint)location.Properties.Length ? location.Properties[property] : location.Additional);
    }
}
