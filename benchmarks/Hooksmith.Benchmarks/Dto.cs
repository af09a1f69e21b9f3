using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hooksmith.Benchmarks.Dto;

// Hand-written equivalents of the records Hooksmith generates for the customer.order.updated data:
// the same members and CLR types, open objects as JsonElement maps, unknown members kept in an
// extension-data map (Hooksmith's AdditionalProperties), open enums as strings. Redemption and the
// distribution-only members (campaign, voucher, publication, promotion_tier) stay raw JsonElements:
// they are null or absent in every payload here.

public sealed class CustomerOrderUpdatedDto
{
    [JsonPropertyName("customer")] public SimpleCustomerDto? Customer { get; set; }
    [JsonPropertyName("referrer")] public SimpleCustomerDto? Referrer { get; set; }
    [JsonPropertyName("order")] public OrderDto? Order { get; set; }
    [JsonPropertyName("redemption")] public JsonElement? Redemption { get; set; }
    [JsonPropertyName("campaign")] public JsonElement? Campaign { get; set; }
    [JsonPropertyName("voucher")] public JsonElement? Voucher { get; set; }
    [JsonPropertyName("publication")] public JsonElement? Publication { get; set; }
    [JsonPropertyName("promotion_tier")] public JsonElement? PromotionTier { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class SimpleCustomerDto
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonPropertyName("object")] public string Object { get; set; } = "";
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class CustomerReferenceDto
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonPropertyName("address")] public Dictionary<string, JsonElement>? Address { get; set; }
    [JsonPropertyName("summary")] public Dictionary<string, JsonElement>? Summary { get; set; }
    [JsonPropertyName("loyalty")] public Dictionary<string, JsonElement>? Loyalty { get; set; }
    [JsonPropertyName("referrals")] public Dictionary<string, JsonElement>? Referrals { get; set; }
    [JsonPropertyName("object")] public string Object { get; set; } = "";
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class OrderDto
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("amount")] public long? Amount { get; set; }
    [JsonPropertyName("initial_amount")] public long? InitialAmount { get; set; }
    [JsonPropertyName("discount_amount")] public long? DiscountAmount { get; set; }
    [JsonPropertyName("items_discount_amount")] public long? ItemsDiscountAmount { get; set; }
    [JsonPropertyName("total_discount_amount")] public long? TotalDiscountAmount { get; set; }
    [JsonPropertyName("total_amount")] public long? TotalAmount { get; set; }
    [JsonPropertyName("applied_discount_amount")] public long? AppliedDiscountAmount { get; set; }
    [JsonPropertyName("items_applied_discount_amount")] public long? ItemsAppliedDiscountAmount { get; set; }
    [JsonPropertyName("total_applied_discount_amount")] public long? TotalAppliedDiscountAmount { get; set; }
    [JsonPropertyName("items")] public List<OrderItemDto>? Items { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonPropertyName("customer")] public CustomerReferenceDto? Customer { get; set; }
    [JsonPropertyName("customer_id")] public string? CustomerId { get; set; }
    [JsonPropertyName("referrer")] public CustomerReferenceDto? Referrer { get; set; }
    [JsonPropertyName("referrer_id")] public string? ReferrerId { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("object")] public string Object { get; set; } = "";
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class OrderItemDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string Object { get; set; } = "";
    [JsonPropertyName("related_object")] public string? RelatedObject { get; set; }
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("product_id")] public string? ProductId { get; set; }
    [JsonPropertyName("sku_id")] public string? SkuId { get; set; }
    [JsonPropertyName("quantity")] public long? Quantity { get; set; }
    [JsonPropertyName("initial_quantity")] public long? InitialQuantity { get; set; }
    [JsonPropertyName("discount_quantity")] public long? DiscountQuantity { get; set; }
    [JsonPropertyName("applied_quantity")] public long? AppliedQuantity { get; set; }
    [JsonPropertyName("applied_discount_quantity")] public long? AppliedDiscountQuantity { get; set; }
    [JsonPropertyName("price")] public long? Price { get; set; }
    [JsonPropertyName("amount")] public long? Amount { get; set; }
    [JsonPropertyName("initial_amount")] public long? InitialAmount { get; set; }
    [JsonPropertyName("applied_quantity_amount")] public long? AppliedQuantityAmount { get; set; }
    [JsonPropertyName("discount_amount")] public long? DiscountAmount { get; set; }
    [JsonPropertyName("applied_discount_amount")] public long? AppliedDiscountAmount { get; set; }
    [JsonPropertyName("subtotal_amount")] public long? SubtotalAmount { get; set; }
    [JsonPropertyName("product")] public OrderItemProductDto? Product { get; set; }
    [JsonPropertyName("sku")] public OrderItemSkuDto? Sku { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class OrderItemProductDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("price")] public decimal? Price { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class OrderItemSkuDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("sku")] public string? Sku { get; set; }
    [JsonPropertyName("price")] public decimal? Price { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>System.Text.Json source generation for the hand-written models: no reflection at run time.</summary>
[JsonSerializable(typeof(CustomerOrderUpdatedDto))]
public sealed partial class DtoJsonContext : JsonSerializerContext
{
}
