using System;
using System.Collections.Generic;
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

    /// <summary>The event with a provider's event name, such as <c>customer.order.updated</c>.</summary>
    public EventCatalogEntry? FindEvent(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return Events.FirstOrDefault(e => e.EventName == eventName);
    }

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

/// <summary>One webhook event: its name, the payload's model type and schema.</summary>
public sealed class EventCatalogEntry
{
    /// <summary>Creates an entry (generated code does this).</summary>
    public EventCatalogEntry(string eventName, string key, Type? payloadType, SchemaCatalogEntry schema)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(schema);
        EventName = eventName;
        Key = key;
        PayloadType = payloadType;
        Schema = schema;
    }

    /// <summary>The provider's event name, such as <c>customer.order.updated</c>.</summary>
    public string EventName { get; }

    /// <summary>The event's key in the schema file, such as <c>EVENTS.CUSTOMER.ORDER.UPDATED</c>.</summary>
    public string Key { get; }

    /// <summary>The generated type of the event's payload, when it has one.</summary>
    public Type? PayloadType { get; }

    /// <summary>The payload's schema.</summary>
    public SchemaCatalogEntry Schema { get; }

    /// <inheritdoc/>
    public override string ToString() => EventName;
}
