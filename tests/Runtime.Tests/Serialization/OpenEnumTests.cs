using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// Generated open enums read and write themselves through <see cref="IOpenEnum{TSelf}"/>: any string binds, known
/// or not, anything else is reported and kept raw by the holder, and the value is written back as it came.
/// </summary>
public sealed class OpenEnumTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData("\"PAID\"", "PAID", true)]
    [InlineData("\"ON_HOLD\"", "ON_HOLD", false)]
    [InlineData("\"\"", "", false)]
    [InlineData("\"P\\u0041ID\"", "PAID", true)]
    public void Any_string_binds_and_writes_back_as_its_value(string json, string value, bool known)
    {
        Assert.True(JsonModel.TryBind<OrderStatus>(Utf8(json), out var status, out var result));

        Assert.True(result.IsValid);
        Assert.Equal(value, status.Value);
        Assert.Equal(known, status.IsKnown);
        Assert.Equal(JsonSerializer.Serialize(value), JsonModel.ToJsonString(status));
    }

    [Theory]
    [InlineData("1", "number")]
    [InlineData("null", "null")]
    [InlineData("{}", "object")]
    [InlineData("[\"PAID\"]", "array")]
    public void A_value_that_is_not_a_string_is_reported_and_does_not_bind(string json, string found)
    {
        Assert.False(JsonModel.TryBind<OrderStatus>(Utf8(json), out var status, out var result));

        Assert.Equal(default, status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "type"), (error.InstanceLocation, error.Keyword));
        Assert.Equal("expected string, found " + found, error.Message);
    }

    [Fact]
    public void A_string_that_cannot_be_decoded_is_reported_and_kept_raw_by_its_record()
    {
        const string json = """{"id":"o1","object":"order","source_id":null,"customer_id":null,"referrer_id":null,"status":"\ud800"}""";

        Assert.True(JsonModel.TryBind<Order>(Utf8(json), out var order, out var result));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/status", error.InstanceLocation);
        Assert.Null(order.Status);
        Assert.Equal(JsonValueKind.String, order.AdditionalProperties!["status"].ValueKind);
        Assert.Contains("\"status\":\"\\ud800\"", JsonModel.ToJsonString(order), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_open_enums_reads_and_writes_through_the_interface()
    {
        var read = JsonModel.Parse<ListOf>(Utf8("""["PAID","NEW"]"""));

        Assert.Equal([OrderStatus.Paid, new OrderStatus("NEW")], read.Values);
        Assert.Equal("""["PAID","NEW"]""", JsonModel.ToJsonString(read));
    }

    [Fact]
    public void The_default_value_writes_the_empty_string_and_equals_an_empty_value()
    {
        Assert.Equal("\"\"", JsonModel.ToJsonString(default(OrderStatus)));
        Assert.Equal(new OrderStatus(""), default);
        Assert.True(OrderStatus.Paid == JsonModel.Parse<OrderStatus>(Utf8("\"PAID\"")));
    }

    [Fact]
    public void Kind_is_the_member_of_each_listed_value_and_Unknown_for_any_other()
    {
        Assert.Equal(
            [OrderStatus.Known.Created, OrderStatus.Known.Paid, OrderStatus.Known.Canceled, OrderStatus.Known.Fulfilled],
            OrderStatus.KnownValues.Select(v => v.Kind));
        Assert.Equal(OrderStatus.Known.Paid, JsonModel.Parse<OrderStatus>(Utf8("\"P\\u0041ID\"")).Kind);
        Assert.All(OrderStatus.KnownValues, v => Assert.True(v.IsKnown));

        foreach (var other in new[] { "paid", "PAID ", " PAID", "", "PAIDX", "PAI", "CREATED\0" })
        {
            Assert.Equal(OrderStatus.Known.Unknown, new OrderStatus(other).Kind);
            Assert.False(new OrderStatus(other).IsKnown);
        }

        Assert.Equal(OrderStatus.Known.Unknown, default(OrderStatus).Kind);
    }

    [Fact]
    public void Kind_of_every_listed_value_of_every_generated_enum_is_its_own_member()
    {
        // Every open enum generated into this assembly (from the Voucherify, Adyen and test schemas).
        var enums = typeof(OpenEnumTests).Assembly.GetTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenEnum<>)))
            .ToList();

        Assert.True(enums.Count > 5);
        var check = typeof(OpenEnumTests).GetMethod(nameof(CheckKinds), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in enums)
        {
            check.MakeGenericMethod(type).Invoke(null, null);
        }
    }

    private static void CheckKinds<TSelf>()
        where TSelf : struct, IOpenEnum<TSelf>
    {
        var values = TSelf.KnownValues;
        for (var i = 0; i < values.Count; i++)
        {
            // The generated Kind (its Known enum) and the runtime lookup: the value's position, from 1.
            var kind = typeof(TSelf).GetProperty("Kind")!.GetValue(values[i])!;
            Assert.Equal(i + 1, (int)kind);
            Assert.Equal(i + 1, OpenEnum.KindOf<TSelf>(values[i].Value));
        }

        Assert.Equal(0, OpenEnum.KindOf<TSelf>(string.Concat(values.Select(v => v.Value)) + "?"));
    }

    /// <summary>A codec of a list of statuses, read through <see cref="ListCodec{T, TCodec}"/> with the enum as its own codec.</summary>
    private sealed record ListOf(System.Collections.Generic.IReadOnlyList<OrderStatus> Values) : IJsonCodec<ListOf>
    {
        public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ListOf value)
        {
            var read = ListCodec<OrderStatus, OrderStatus>.TryRead(ref reader, context, out var values);
            value = read ? new ListOf(values!) : null;
            return read;
        }

        public static void Write(Utf8JsonWriter writer, ListOf value) => ListCodec<OrderStatus, OrderStatus>.Write(writer, value.Values);
    }
}
