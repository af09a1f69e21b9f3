using System;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests;

/// <summary>Binding never throws for a payload that does not match its schema: it reports and keeps.</summary>
public sealed class LenientBindingTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void Unknown_enum_value_binds_and_is_not_known_and_the_schema_says_so()
    {
        Assert.True(Order.TryParse(Utf8("""{"id":"o1","object":"order","source_id":null,"customer_id":null,"referrer_id":null,"status":"ON_HOLD"}"""), out var order, out var result));

        // The schema lists the statuses: a new one is reported, and the value still binds for the handler.
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/status", "enum", "/properties/status/enum"), (error.InstanceLocation, error.Keyword, error.KeywordLocation[error.KeywordLocation.IndexOf("/properties/status", StringComparison.Ordinal)..]));
        var status = Assert.NotNull(order.Status);
        Assert.False(status.IsKnown);
        Assert.Equal(OrderStatus.Known.Unknown, status.Kind);
        Assert.Equal("ON_HOLD", status.Value);
        Assert.Contains("\"status\":\"ON_HOLD\"", JsonModel.ToJsonString(order));
    }

    [Fact]
    public void Wrong_typed_value_is_reported_at_its_location_and_kept_raw()
    {
        Assert.True(SimpleCustomer.TryParse(Utf8("""{"id":"c1","object":"customer","email":42}"""), out var customer, out var result));

        Assert.Null(customer.Email);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/email", error.InstanceLocation);
        Assert.Equal("type", error.Keyword);
        Assert.Equal("expected string or null, found integer", error.Message);
        Assert.Equal(42, customer.AdditionalProperties!["email"].GetInt32());
        Assert.Equal("""{"id":"c1","object":"customer","email":42}""", JsonModel.ToJsonString(customer));
    }

    [Fact]
    public void Missing_required_member_is_reported_and_the_rest_binds()
    {
        Assert.True(SimpleCustomer.TryParse(Utf8("""{"object":"customer","name":"Ann"}"""), out var customer, out var result));

        Assert.Equal("Ann", customer.Name);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "required"), (error.InstanceLocation, error.Keyword));
        Assert.Contains("'id'", error.Message);
    }

    [Fact]
    public void Error_locations_point_through_arrays_and_nested_objects()
    {
        const string json = """{"id":"o1","object":"order","source_id":null,"customer_id":null,"referrer_id":null,"items":[{"object":"order_item"},{"object":"order_item","quantity":"two"}]}""";

        Assert.True(Order.TryParse(Utf8(json), out var order, out var result));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/items/1/quantity", error.InstanceLocation);
        Assert.Null(order.Items![1].Quantity);
        Assert.Equal("two", order.Items[1].AdditionalProperties!["quantity"].GetString());
    }

    [Fact]
    public void Integer_beyond_64_bits_is_reported_and_kept_exactly()
    {
        Assert.True(OrderItem.TryParse(Utf8("""{"object":"order_item","quantity":123456789012345678901234567890}"""), out var item, out var result));

        Assert.Null(item.Quantity);
        Assert.Equal("binding", Assert.Single(result.Errors).Keyword);
        Assert.Contains("123456789012345678901234567890", JsonModel.ToJsonString(item));
    }

    [Fact]
    public void Integer_written_as_a_decimal_still_binds()
    {
        Assert.True(OrderItem.TryParse(Utf8("""{"object":"order_item","quantity":2.0,"price":1e3}"""), out var item, out var result));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((2L, 1000L), (item.Quantity, item.Price));
    }

    [Fact]
    public void Unknown_members_are_kept_and_written_back()
    {
        Assert.True(SimpleCustomer.TryParse(Utf8("""{"id":"c1","object":"customer","loyalty_tier":{"level":3}}"""), out var customer, out var result));

        Assert.True(result.IsValid);
        Assert.Equal(3, customer.AdditionalProperties!["loyalty_tier"].GetProperty("level").GetInt32());
        Assert.Contains("\"loyalty_tier\":{\"level\":3}", JsonModel.ToJsonString(customer));
    }

    [Fact]
    public void Root_of_the_wrong_type_is_not_bound()
    {
        Assert.False(SimpleCustomer.TryParse(Utf8("[1,2]"), out var customer, out var result));

        Assert.Null(customer);
        Assert.Equal("expected object, found array", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"id\": }")]
    [InlineData("{\"id\":\"c1\"} trailing")]
    [InlineData("{\"id\":\"c1\",}")]
    [InlineData("// comment\n{}")]
    public void Malformed_json_is_refused_without_an_exception(string json)
    {
        Assert.False(SimpleCustomer.TryParse(Utf8(json), out var customer, out var result));

        Assert.Null(customer);
        Assert.Equal("json", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Every_truncation_of_the_seed_event_is_handled_without_an_exception()
    {
        var data = SeedPayload.Data;
        for (var length = 0; length < data.Length; length++)
        {
            var ok = CustomerOrderUpdated.TryParse(data.AsSpan(0, length), out _, out var result);
            Assert.False(ok && !result.IsValid && result.Errors[0].Keyword == "json");
        }
    }

    [Fact]
    public void Parse_throws_a_format_exception_for_malformed_json()
    {
        Assert.Throws<System.FormatException>(() => SimpleCustomer.Parse(Utf8("{")));
    }

    [Fact]
    public void Union_variant_is_chosen_by_its_discriminator()
    {
        Assert.True(Discount.TryParse(Utf8("""{"type":"PERCENT","percent_off":15}"""), out var discount, out _));

        Assert.True(discount.TryGetPercentDiscount(out var percent));
        Assert.Equal(15m, percent.PercentOff);
        Assert.False(discount.TryGetAmountDiscount(out _));
        Assert.Equal("percent 15", discount.Match(a => "amount", p => $"percent {p.PercentOff}", u => "unit", f => "fixed", other => "other"));
        Assert.Equal("other", Discount.Parse(Utf8("""{"type":"LOYALTY"}""")).Match(a => "amount", p => "percent", u => "unit", f => "fixed", other => "other"));
        var seen = "";
        discount.Switch(a => seen = "amount", p => seen = "percent", u => seen = "unit", f => seen = "fixed", other => seen = "other");
        Assert.Equal("percent", seen);
    }

    [Fact]
    public void Raw_json_members_compare_by_json_value()
    {
        var one = Order.Parse(Utf8("""{"id":"o","object":"order","metadata":{"a":1,"b":[true,null]}}"""));
        var same = Order.Parse(Utf8("""{"metadata":{"b":[true,null],"a":1.0},"object":"order","id":"o"}"""));
        var other = Order.Parse(Utf8("""{"id":"o","object":"order","metadata":{"a":2,"b":[true,null]}}"""));

        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(one, other);
        Assert.Equal(JsonValueKind.Array, one.Metadata!["b"].ValueKind);
    }
}
