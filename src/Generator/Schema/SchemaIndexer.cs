using System;
using System.Collections.Generic;
using System.Threading;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// The first half of the Resolve stage: walks a document's schemas, tracking dialect and base URI,
/// and records resources, anchors, named schemas and webhook events.
/// </summary>
internal sealed class SchemaIndexer
{
    private readonly SchemaIndex _index;
    private readonly CancellationToken _cancellationToken;

    private SchemaIndexer(SchemaDocument document, CancellationToken cancellationToken)
    {
        _index = new SchemaIndex(document);
        _cancellationToken = cancellationToken;
    }

    public static SchemaIndex Index(SchemaDocument document, CancellationToken cancellationToken)
    {
        var indexer = new SchemaIndexer(document, cancellationToken);
        indexer.IndexDocument();
        return indexer._index;
    }

    /// <summary>
    /// Indexes a schema that is reached only through a JSON Pointer reference (for example under a
    /// keyword the dialect does not know), using the base URI and dialect of its resource.
    /// </summary>
    public static SchemaNodeInfo IndexLate(SchemaIndex index, JsonNode node, SchemaNodeInfo resource, CancellationToken cancellationToken)
    {
        var indexer = new SchemaIndexer(index.Document, cancellationToken);
        indexer.Walk(node, resource.Dialect, resource.BaseUri, resource.IsOpenApi);
        foreach (var entry in indexer._index.Schemas)
        {
            if (!index.Schemas.ContainsKey(entry.Key))
            {
                index.Schemas.Add(entry.Key, entry.Value);
            }
        }

        foreach (var entry in indexer._index.Anchors)
        {
            if (!index.Anchors.ContainsKey(entry.Key))
            {
                index.Anchors.Add(entry.Key, entry.Value);
            }
        }

        return index.Schemas[node.Pointer];
    }

    private SchemaDocument Document => _index.Document;

    private void IndexDocument()
    {
        var root = Document.Root;
        if (root is null)
        {
            return;
        }

        _index.Resources[Document.BaseUri] = string.Empty;
        if (!Document.IsOpenApi)
        {
            Walk(root, Document.Dialect, Document.BaseUri, isOpenApi: false);
            _index.NamedSchemas.Add(new NamedSchema(string.Empty, root, IsDocumentRoot: true));
            AddDefinitions(root);
            if (Document.Input.EventName is { } eventName)
            {
                // A schema file tagged with an event type is that event's payload.
                _index.Events.Add(new WebhookEvent(eventName, eventName, root, root));
            }

            return;
        }

        if (root["components"]?["schemas"] is { } components)
        {
            foreach (var component in ObjectMembers(components, "components/schemas"))
            {
                Walk(component.Value, Document.Dialect, Document.BaseUri, isOpenApi: true);
                _index.NamedSchemas.Add(new NamedSchema(component.Name, component.Value, IsDocumentRoot: false));
            }
        }

        var sources = Document.Input.EventsFrom;
        if ((sources & EventSources.Webhooks) != 0)
        {
            // 'x-webhooks' is how OpenAPI 3.0 documents wrote webhooks before 3.1 gave them a section.
            foreach (var section in new[] { "webhooks", "x-webhooks" })
            {
                if (root[section] is { } webhooks)
                {
                    foreach (var webhook in ObjectMembers(webhooks, section))
                    {
                        IndexWebhook(webhook);
                    }
                }
            }
        }

        if ((sources & EventSources.Paths) != 0 && root["paths"] is { IsObject: true } paths)
        {
            foreach (var path in paths.Properties)
            {
                IndexPathEvent(path);
            }
        }
    }

    /// <summary>
    /// A path read as an event: its <c>post</c> operation's request body, or lacking one its first
    /// 2xx response, is the payload; the path without its leading '/' is the key
    /// (<c>/EVENTS.CUSTOMER.ORDER.UPDATED</c> → <c>customer.order.updated</c>).
    /// </summary>
    private void IndexPathEvent(JsonProperty path)
    {
        if (path.Value["post"] is not { IsObject: true } post)
        {
            return;
        }

        var schema = JsonSchemaOf(post["requestBody"]?["content"]);
        if (schema is null && post["responses"] is { IsObject: true } responses)
        {
            foreach (var response in responses.Properties)
            {
                if (response.Name.Length == 3 && response.Name[0] == '2' && JsonSchemaOf(response.Value["content"]) is { } found)
                {
                    schema = found;
                    break;
                }
            }
        }

        if (schema is null)
        {
            return;
        }

        var key = path.Name.TrimStart('/');
        if (key.Length == 0 || _index.Events.Exists(e => e.EventName == EventNameOf(key)))
        {
            // A document that lists an event in both sections has it once.
            return;
        }

        Walk(schema, Document.Dialect, Document.BaseUri, isOpenApi: true);
        _index.Events.Add(new WebhookEvent(key, EventNameOf(key), schema, path.Value));
    }

    private static JsonNode? JsonSchemaOf(JsonNode? content)
    {
        if (content is not { IsObject: true })
        {
            return null;
        }

        foreach (var mediaType in content.Properties)
        {
            if (mediaType.Name.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && mediaType.Value["schema"] is { } schema)
            {
                return schema;
            }
        }

        return null;
    }

    private void IndexWebhook(JsonProperty webhook)
    {
        // A webhook is a path item: the provider calls one of its operations (almost always POST).
        foreach (var operation in webhook.Value.Properties)
        {
            if (operation.Value["requestBody"]?["content"] is not { IsObject: true } content)
            {
                continue;
            }

            foreach (var mediaType in content.Properties)
            {
                if (!mediaType.Name.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                    || mediaType.Value["schema"] is not { } schema)
                {
                    continue;
                }

                Walk(schema, Document.Dialect, Document.BaseUri, isOpenApi: true);
                _index.Events.Add(new WebhookEvent(webhook.Name, EventNameOf(webhook.Name), schema, webhook.Value));
                return;
            }
        }
    }

    /// <summary>
    /// The default event type of a <c>webhooks</c> key. Providers key webhooks by the event type itself
    /// (<c>customer.order.updated</c>, <c>balancePlatform.transfer.created</c>: kept as written), by a path
    /// (Adyen's classic <c>/AUTHORISATION</c>: the leading slashes are dropped, and the case kept, since the
    /// body says <c>"eventCode": "AUTHORISATION"</c>), or by Voucherify's constant-style name
    /// (<c>EVENTS.CUSTOMER.ORDER.UPDATED</c>: the prefix is dropped and the rest lowercased, as its bodies say
    /// <c>customer.order.updated</c>). The key itself is kept beside it for receivers that route by another rule.
    /// </summary>
    internal static string EventNameOf(string key)
    {
        var name = key.TrimStart('/');
        if (name.Length == 0)
        {
            return key;
        }

        if (!name.StartsWith("EVENTS.", StringComparison.Ordinal) || name.Length == "EVENTS.".Length)
        {
            return name;
        }

        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                return name;
            }
        }

        return name.Substring("EVENTS.".Length).ToLowerInvariant();
    }

    private void AddDefinitions(JsonNode schema)
    {
        foreach (var keyword in new[] { "$defs", "definitions" })
        {
            if (schema[keyword] is { IsObject: true } definitions)
            {
                foreach (var definition in definitions.Properties)
                {
                    if (_index.Schemas.ContainsKey(definition.Value.Pointer))
                    {
                        _index.NamedSchemas.Add(new NamedSchema(definition.Name, definition.Value, IsDocumentRoot: false));
                        AddDefinitions(definition.Value);
                    }
                }
            }
        }
    }

    private IEnumerable<JsonProperty> ObjectMembers(JsonNode node, string what)
    {
        if (!node.IsObject)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValue, node, what, "expected an object");
            yield break;
        }

        foreach (var member in node.Properties)
        {
            yield return member;
        }
    }

    internal void Walk(JsonNode node, SchemaDialect dialect, string baseUri, bool isOpenApi)
    {
        // An explicit stack: schema nesting in a hostile file must not overflow the compiler's stack.
        var pending = new Stack<(JsonNode Node, SchemaDialect Dialect, string BaseUri)>();
        pending.Push((node, dialect, baseUri));
        while (pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (current, currentDialect, currentBase) = pending.Pop();
            if (_index.Schemas.ContainsKey(current.Pointer))
            {
                continue;
            }

            if (!current.IsObject)
            {
                if (!current.IsBoolean)
                {
                    Report(DiagnosticDescriptors.InvalidKeywordValue, current, LastToken(current.Pointer), "a schema must be an object or a boolean");
                }

                _index.Schemas.Add(current.Pointer, new SchemaNodeInfo(current, currentDialect, currentBase, isOpenApi));
                continue;
            }

            (currentDialect, currentBase) = EnterResource(current, currentDialect, currentBase);
            _index.Schemas.Add(current.Pointer, new SchemaNodeInfo(current, currentDialect, currentBase, isOpenApi));
            foreach (var problem in KeywordForms.Problems(current, currentDialect, isOpenApi))
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, problem.Value, problem.Keyword, problem.Problem);
            }

            foreach (var child in Subschemas(current, currentDialect))
            {
                pending.Push((child, currentDialect, currentBase));
            }
        }
    }

    /// <summary>Applies <c>$schema</c>, <c>$id</c> and anchors of a schema object.</summary>
    private (SchemaDialect Dialect, string BaseUri) EnterResource(JsonNode schema, SchemaDialect dialect, string baseUri)
    {
        var hasRef = schema["$ref"] is not null;
        var idNode = dialect.RefOverridesSiblings() && hasRef ? null : schema[dialect.IdKeyword()];
        var isResourceRoot = schema.Pointer.Length == 0;
        if (idNode is { IsString: true, Text: { } id })
        {
            if (dialect <= SchemaDialect.Draft7 && id.StartsWith("#", StringComparison.Ordinal))
            {
                // Before 2019-09 a fragment-only id is a plain-name anchor.
                AddAnchor(baseUri, id.Substring(1), schema);
            }
            else if (UriReference.TryResolve(baseUri, id, out var resolved))
            {
                var fragment = UriReference.FragmentOf(resolved);
                baseUri = UriReference.WithoutFragment(resolved);
                isResourceRoot = true;
                AddResource(baseUri, schema);
                if (fragment is { Length: > 0 } && !fragment.StartsWith("/", StringComparison.Ordinal))
                {
                    AddAnchor(baseUri, fragment, schema);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValue, idNode, dialect.IdKeyword(), $"'{id}' is not a URI reference that can be resolved against '{baseUri}'");
            }
        }

        if (isResourceRoot && schema["$schema"] is { IsString: true, Text: { } declared } && schema.Pointer.Length > 0)
        {
            if (SchemaDialects.TryParse(declared, out var embedded))
            {
                dialect = embedded;
            }
            else
            {
                Report(DiagnosticDescriptors.UnknownDialect, schema["$schema"]!, declared, dialect.DisplayName());
            }
        }

        if (dialect >= SchemaDialect.Draft201909 && schema.GetString("$anchor") is { } anchor)
        {
            AddAnchor(baseUri, anchor, schema);
        }

        if (dialect >= SchemaDialect.Draft202012 && schema.GetString("$dynamicAnchor") is { } dynamicAnchor)
        {
            AddAnchor(baseUri, dynamicAnchor, schema);
        }

        return (dialect, baseUri);
    }

    private static IEnumerable<JsonNode> Subschemas(JsonNode schema, SchemaDialect dialect)
    {
        foreach (var keyword in SchemaKeywords.SingleSchema(dialect))
        {
            if (schema[keyword] is { } child && (child.IsObject || child.IsBoolean))
            {
                yield return child;
            }
        }

        if (schema["items"] is { } items)
        {
            if (items.IsArray && dialect <= SchemaDialect.Draft201909)
            {
                foreach (var item in items.Items)
                {
                    yield return item;
                }
            }
            else if (items.IsObject || items.IsBoolean)
            {
                yield return items;
            }
        }

        foreach (var keyword in SchemaKeywords.SchemaArray(dialect))
        {
            if (schema[keyword] is { IsArray: true } array)
            {
                foreach (var item in array.Items)
                {
                    yield return item;
                }
            }
        }

        foreach (var keyword in SchemaKeywords.SchemaMap(dialect))
        {
            if (schema[keyword] is { IsObject: true } map)
            {
                foreach (var member in map.Properties)
                {
                    yield return member.Value;
                }
            }
        }

        if (dialect <= SchemaDialect.Draft201909 && schema["dependencies"] is { IsObject: true } dependencies)
        {
            foreach (var member in dependencies.Properties)
            {
                if (member.Value.IsObject || member.Value.IsBoolean)
                {
                    yield return member.Value;
                }
            }
        }
    }

    private void AddResource(string uri, JsonNode schema)
    {
        if (_index.Resources.TryGetValue(uri, out var existing))
        {
            if (existing != schema.Pointer && uri != Document.BaseUri)
            {
                Report(DiagnosticDescriptors.DuplicateResource, schema, uri, Document.Path + "#" + existing);
            }

            if (uri != Document.BaseUri)
            {
                return;
            }
        }

        _index.Resources[uri] = schema.Pointer;
    }

    private void AddAnchor(string baseUri, string name, JsonNode schema)
    {
        var key = baseUri + "#" + name;
        if (!_index.Anchors.ContainsKey(key))
        {
            _index.Anchors.Add(key, schema.Pointer);
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments)
        => _index.Diagnostics.Add(DiagnosticInfo.Create(descriptor, new LocationInfo(Document.Path, node.Span), arguments));

    private static string LastToken(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? pointer : pointer.Substring(slash + 1);
    }
}
