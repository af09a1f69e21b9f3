namespace Hooksmith.Generator.Tests.Drift;

/// <summary>
/// Small OpenAPI documents for the rule tests: two events whose payloads share the component
/// <c>Order</c>, so each change inside it must be reported once, for both events.
/// </summary>
internal static class DriftDocuments
{
    public const string Created = "order.created";
    public const string Updated = "order.updated";

    /// <summary>A document whose <c>Order</c> component is <paramref name="order"/>, with more components if given.</summary>
    public static string WithOrder(string order, string moreComponents = "", string moreWebhooks = "") => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "webhooks": {
            "{{Created}}": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OrderCreated" } } } } } },
            "{{Updated}}": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OrderUpdated" } } } } } }{{moreWebhooks}}
          },
          "components": {
            "schemas": {
              "OrderCreated": { "type": "object", "properties": { "order": { "$ref": "#/components/schemas/Order" } }, "required": ["order"] },
              "OrderUpdated": { "type": "object", "properties": { "order": { "$ref": "#/components/schemas/Order" }, "previous": { "type": "string" } } },
              "Order": {{order}}{{moreComponents}}
            }
          }
        }
        """;

    /// <summary>An order with one property <c>status</c> of the given schema, required.</summary>
    public static string StatusOrder(string status) => $$"""
        { "type": "object", "properties": { "id": { "type": "string" }, "status": {{status}} }, "required": ["id", "status"] }
        """;
}
