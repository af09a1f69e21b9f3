using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Hooksmith.Validation;

/// <summary>
/// Every schema and event a compilation generated validators for, so that tests and tools can validate
/// against any schema without knowing generated names. Each compilation that uses the generator has
/// one, as <c>Hooksmith.Generated.HooksmithCatalog.Instance</c>.
/// </summary>
public sealed class SchemaCatalog
{
    /// <summary>Creates a catalog (generated code does this).</summary>
    public SchemaCatalog(IReadOnlyList<SchemaCatalogEntry> schemas, IReadOnlyList<EventCatalogEntry> events)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(events);
        Schemas = schemas;
        Events = events;
    }

    /// <summary>The named schemas of every schema file: roots, definitions, component schemas, webhook payloads.</summary>
    public IReadOnlyList<SchemaCatalogEntry> Schemas { get; }

    /// <summary>The webhook events of every schema file.</summary>
    public IReadOnlyList<EventCatalogEntry> Events { get; }

    /// <summary>
    /// The schema at a JSON Pointer of a schema file. The file is matched by its full path, else by the
    /// end of its path (<c>voucherify/envelope.json</c>) when that is unambiguous.
    /// </summary>
    public SchemaCatalogEntry? Find(string sourceFile, string pointer = "")
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(pointer);
        var normalized = Normalize(sourceFile);
        var exact = Schemas.FirstOrDefault(s => s.Pointer == pointer && Normalize(s.SourceFile) == normalized);
        if (exact is not null)
        {
            return exact;
        }

        var suffix = "/" + normalized.TrimStart('/');
        var matches = Schemas.Where(s => s.Pointer == pointer && Normalize(s.SourceFile).EndsWith(suffix, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The schema with an absolute URI: its location (<c>…#/$defs/order</c>) or its resource's <c>$id</c>.</summary>
    public SchemaCatalogEntry? FindByUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // A resource's root is "uri#" or "uri": both name it.
        var trimmed = uri.TrimEnd('#');
        return Schemas.FirstOrDefault(s => s.SchemaUri.TrimEnd('#') == trimmed);
    }

    /// <summary>
    /// The one event with a name, such as <c>customer.order.updated</c>: its event type or its key as written in
    /// its file (<c>EVENTS.CUSTOMER.ORDER.UPDATED</c>, <c>/AUTHORISATION</c>); null when no file has it.
    /// </summary>
    /// <exception cref="AmbiguousEventException">Several events have the name (files of one provider often share
    /// event names: Adyen's 25 files have 223 events with 126 names); it lists them. Look the event up in its file
    /// (<see cref="FindEvent(string, string)"/>) or namespace (<see cref="FindEventInNamespace"/>) instead, or use
    /// <see cref="TryFindEvent"/>.</exception>
    public EventCatalogEntry? FindEvent(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return Single(FindEvents(eventName), $"'{eventName}'");
    }

    /// <summary>
    /// The event with a name (its event type or key) in one schema file. The file is matched by its full path,
    /// else by the end of its path (<c>adyen/Webhooks-v1.json</c>), as <see cref="Find"/> matches it.
    /// </summary>
    /// <exception cref="AmbiguousEventException">The end of the path names several files that have the event, or
    /// the file has several events of that name (one's type equal to another's key).</exception>
    public EventCatalogEntry? FindEvent(string sourceFile, string eventName)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(eventName);
        var normalized = Normalize(sourceFile);
        var named = FindEvents(eventName);
        var exact = named.Where(e => Normalize(e.SourceFile) == normalized).ToList();
        if (exact.Count == 0)
        {
            var suffix = "/" + normalized.TrimStart('/');
            exact = named.Where(e => Normalize(e.SourceFile).EndsWith(suffix, StringComparison.Ordinal)).ToList();
        }

        return Single(exact, $"'{eventName}' in '{sourceFile}'");
    }

    /// <summary>The event with a name (its event type or key) in one namespace of generated code (<c>Acme.Adyen.Webhooks</c>).</summary>
    /// <exception cref="AmbiguousEventException">Several files of the namespace have the event.</exception>
    public EventCatalogEntry? FindEventInNamespace(string @namespace, string eventName)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(eventName);
        return Single(FindEvents(eventName).Where(e => e.Namespace == @namespace).ToList(), $"'{eventName}' in namespace '{@namespace}'");
    }

    /// <summary>
    /// Looks an event up by name (its event type or key) without throwing: true when exactly one event has it.
    /// </summary>
    /// <param name="eventName">The event type or key.</param>
    /// <param name="entry">The event, when exactly one has the name.</param>
    /// <param name="candidates">Every event with the name, in catalog order: none, the one found, or the several that make it ambiguous.</param>
    public bool TryFindEvent(string eventName, [NotNullWhen(true)] out EventCatalogEntry? entry, out IReadOnlyList<EventCatalogEntry> candidates)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        candidates = FindEvents(eventName);
        entry = candidates.Count == 1 ? candidates[0] : null;
        return entry is not null;
    }

    /// <summary>Every event whose event type or key is <paramref name="eventName"/>, in catalog order (by file).</summary>
    public IReadOnlyList<EventCatalogEntry> FindEvents(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return Events.Where(e => e.EventName == eventName || e.Key == eventName).ToList();
    }

    private static EventCatalogEntry? Single(IReadOnlyList<EventCatalogEntry> matches, string what) => matches.Count switch
    {
        0 => null,
        1 => matches[0],
        _ => throw new AmbiguousEventException(what, matches),
    };

    private static string Normalize(string path) => path.Replace('\\', '/');
}

/// <summary>One named schema with its generated validator.</summary>
public sealed class SchemaCatalogEntry
{
    /// <summary>Creates an entry (generated code does this).</summary>
    public SchemaCatalogEntry(string sourceFile, string pointer, string schemaUri, string resource, Type? modelType, SchemaValidator validator)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(pointer);
        ArgumentNullException.ThrowIfNull(schemaUri);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(validator);
        SourceFile = sourceFile;
        Pointer = pointer;
        SchemaUri = schemaUri;
        Resource = resource;
        ModelType = modelType;
        Validator = validator;
    }

    /// <summary>The schema file, as the build named it.</summary>
    public string SourceFile { get; }

    /// <summary>The schema's JSON Pointer in its file ("" for the file's root).</summary>
    public string Pointer { get; }

    /// <summary>The schema's absolute URI: its resource with a JSON Pointer fragment when it is not the resource's root.</summary>
    public string SchemaUri { get; }

    /// <summary>The URI of the schema resource the schema is in (its <c>$id</c>, or the file's URI).</summary>
    public string Resource { get; }

    /// <summary>The generated model type for the schema, when it has one.</summary>
    public Type? ModelType { get; }

    /// <summary>The generated validator.</summary>
    public SchemaValidator Validator { get; }

    /// <summary>Validates a parsed value.</summary>
    public ValidationResult Validate(in System.Text.Json.JsonElement instance, ValidationOptions? options = null)
        => ValidationContext.Run(instance, Validator, Resource, options);

    /// <summary>Validates UTF-8 JSON. Text that is not JSON is reported as an error at the root, not thrown.</summary>
    public ValidationResult Validate(ReadOnlyMemory<byte> utf8Json, ValidationOptions? options = null)
        => Serialization.JsonModel.Validate(utf8Json, Validator, Resource, options);

    /// <inheritdoc/>
    public override string ToString() => SchemaUri;
}

/// <summary>One webhook event: its name, key, namespace, the payload's model type and schema.</summary>
public sealed class EventCatalogEntry
{
    /// <summary>Creates an entry (generated code does this).</summary>
    public EventCatalogEntry(string eventName, string key, string @namespace, Type? payloadType, SchemaCatalogEntry schema)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(schema);
        EventName = eventName;
        Key = key;
        Namespace = @namespace;
        PayloadType = payloadType;
        Schema = schema;
    }

    /// <summary>The event type the generator derived from the key, such as <c>customer.order.updated</c>.</summary>
    public string EventName { get; }

    /// <summary>The event's key in the schema file as written, such as <c>EVENTS.CUSTOMER.ORDER.UPDATED</c> or <c>/AUTHORISATION</c>.</summary>
    public string Key { get; }

    /// <summary>The namespace of the file's generated code, where the event's table is.</summary>
    public string Namespace { get; }

    /// <summary>The schema file that declares the event, as the build named it.</summary>
    public string SourceFile => Schema.SourceFile;

    /// <summary>The generated type of the event's payload: the type its event table binds it to.</summary>
    public Type? PayloadType { get; }

    /// <summary>The payload's schema.</summary>
    public SchemaCatalogEntry Schema { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{EventName} ({SourceFile})";
}
