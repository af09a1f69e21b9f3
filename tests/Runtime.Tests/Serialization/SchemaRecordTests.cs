using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// Generated records inherit their static entry points from <see cref="SchemaRecord{TSelf}"/>: the API, equality,
/// <c>with</c> and <c>ToString</c> are as when each record declared them itself.
/// </summary>
public sealed class SchemaRecordTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void Inherited_entry_points_on_a_generated_type_do_what_the_generic_ones_do()
    {
        var seed = SeedPayload.Data;

        Assert.True(CustomerOrderUpdated.TryParse(seed, out var viaType, out var typeResult));
        Assert.True(JsonModel.TryParse<CustomerOrderUpdated>(seed, out var viaModel, out var modelResult));
        Assert.Equal(viaModel, viaType);
        Assert.Equal(modelResult.IsValid, typeResult.IsValid);

        Assert.Equal(viaModel, CustomerOrderUpdated.Parse(seed));
        Assert.True(CustomerOrderUpdated.Validate(seed).IsValid);
        using var document = JsonDocument.Parse(seed);
        var root = document.RootElement;
        Assert.True(CustomerOrderUpdated.Validate(in root).IsValid);
        Assert.True(CustomerOrderUpdated.Validate(seed, ValidationOptions.Default).IsValid);

        var invalid = Utf8("""{"customer":null,"referrer":null,"order":null}""");
        Assert.Equal(
            JsonModel.Validate<CustomerOrderUpdated>(invalid).Errors.Select(e => (e.InstanceLocation, e.Keyword)),
            CustomerOrderUpdated.Validate(invalid).Errors.Select(e => (e.InstanceLocation, e.Keyword)));
        Assert.Throws<System.FormatException>(() => CustomerOrderUpdated.Parse(Utf8("[]")));
    }

    [Fact]
    public void Writing_through_the_codec_interface_and_through_WriteTo_gives_the_same_bytes()
    {
        var order = CustomerOrderUpdated.Parse(SeedPayload.Data);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            order.WriteTo(writer);
        }

        Assert.Equal(buffer.WrittenSpan.ToArray(), JsonModel.ToUtf8Bytes(order));
        Assert.Equal(order, CustomerOrderUpdated.Parse(buffer.WrittenSpan));
    }

    [Fact]
    public void Equality_through_the_base_is_the_generated_value_equality()
    {
        var first = CustomerOrderUpdated.Parse(SeedPayload.Data);
        var second = CustomerOrderUpdated.Parse(SeedPayload.Data);
        SchemaRecord<CustomerOrderUpdated> asBase = second;
        object asObject = second;

        Assert.NotSame(first, second);
        Assert.True(first == second);
        Assert.False(first != second);
        Assert.True(first.Equals(second));
        Assert.True(first.Equals(asBase));
        Assert.True(asBase.Equals(first));
        Assert.True(first.Equals(asObject));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        var changed = second with { Customer = null };
        Assert.NotEqual(first, changed);
        Assert.False(first.Equals((SchemaRecord<CustomerOrderUpdated>)changed));
        Assert.False(first.Equals((object?)null));
        Assert.False(first.Equals((SchemaRecord<CustomerOrderUpdated>?)null));
    }

    [Fact]
    public void Values_of_two_generated_types_with_the_same_json_are_not_equal()
    {
        var json = Utf8("""{"id":"c1","object":"customer"}""");
        object simple = SimpleCustomer.Parse(json);
        object reference = CustomerReference.Parse(json);

        Assert.False(simple.Equals(reference));
        Assert.False(reference.Equals(simple));
    }

    [Fact]
    public void With_keeps_what_the_payload_had_and_writes_it_back_the_same()
    {
        var order = CustomerOrderUpdated.Parse(SeedPayload.Data);

        var copy = order with { };

        Assert.Equal(order, copy);
        Assert.Equal(JsonModel.ToUtf8Bytes(order), JsonModel.ToUtf8Bytes(copy));
    }

    [Fact]
    public void ToString_prints_the_members_of_the_generated_record_only()
    {
        var customer = SimpleCustomer.Parse(Utf8("""{"id":"c1","object":"customer","name":"Ann"}"""));

        var text = customer.ToString();

        Assert.StartsWith("SimpleCustomer { Id = c1, ", text, System.StringComparison.Ordinal);
        Assert.Contains("Name = Ann", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Presence", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("EqualityContract", text, System.StringComparison.Ordinal);
    }
}
