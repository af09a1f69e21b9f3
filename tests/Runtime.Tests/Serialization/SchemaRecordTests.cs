using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// Generated records inherit their static entry points from <see cref="SchemaRecord{TSelf}"/>, and their
/// <c>TryRead</c> leaves the object checks to <see cref="ObjectReader.Start"/>: the API, equality and binding are as
/// when each record declared them itself.
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

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"x\"", "string")]
    [InlineData("1", "number")]
    [InlineData("null", "null")]
    [InlineData("true", "boolean")]
    public void A_root_that_is_not_an_object_fails_binding_with_one_type_error(string json, string found)
    {
        Assert.False(JsonModel.TryBind<SimpleCustomer>(Utf8(json), out var customer, out var result));

        Assert.Null(customer);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "type"), (error.InstanceLocation, error.Keyword));
        Assert.StartsWith("expected object, found ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(found, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_is_not_an_object_is_reported_once_and_kept_raw_without_required_reports()
    {
        // SimpleCustomer requires id and object: a customer that is not an object is one type problem, not three.
        Assert.True(JsonModel.TryBind<CustomerOrderUpdated>(Utf8("""{"customer":[1,2],"referrer":null,"order":null,"redemption":null}"""), out var data, out var result));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("/customer", "type"), (error.InstanceLocation, error.Keyword));
        Assert.Null(data.Customer);
        Assert.Equal("[1,2]", data.AdditionalProperties!["customer"].GetRawText());
        Assert.Equal("""{"referrer":null,"order":null,"redemption":null,"customer":[1,2]}""", JsonModel.ToJsonString(data)); // kept members last
    }

    [Fact]
    public void A_member_object_with_an_undecodable_name_is_reported_once_and_kept_raw_without_required_reports()
    {
        const string json = """{"customer":{"\ud800":1},"referrer":null,"order":null,"redemption":null}""";

        Assert.True(JsonModel.TryBind<CustomerOrderUpdated>(Utf8(json), out var data, out var result));

        var error = Assert.Single(result.Errors);
        Assert.Equal("encoding", error.Keyword);
        Assert.StartsWith("/customer/", error.InstanceLocation, System.StringComparison.Ordinal);
        Assert.Null(data.Customer);
        Assert.Equal(JsonValueKind.Object, data.AdditionalProperties!["customer"].ValueKind);
        Assert.Equal("""{"referrer":null,"order":null,"redemption":null,"customer":{"\ud800":1}}""", JsonModel.ToJsonString(data)); // kept members last
    }

    [Fact]
    public void A_root_with_an_undecodable_name_fails_binding_with_the_encoding_error_only()
    {
        Assert.False(JsonModel.TryBind<SimpleCustomer>(Utf8("""{"name":"Ann","\udc00":1}"""), out var customer, out var result));

        Assert.Null(customer);
        Assert.Equal("encoding", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Start_on_a_value_that_is_not_an_object_fails_the_reader_and_later_calls_report_nothing()
    {
        var reader = new Utf8JsonReader(Utf8("""[{"id":1}]"""));
        reader.Read();
        var context = new BindingContext();

        var members = ObjectReader.Start(ref reader, context);

        Assert.True(members.Failed);
        Assert.False(members.NextMember(ref reader, context));
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType); // not moved
        members.RequireMember(context, 0, "id");
        Assert.Equal("type", Assert.Single(context.ToResult().Errors).Keyword);
    }

    [Fact]
    public void Start_on_an_object_reads_its_members_and_reports_missing_required_ones()
    {
        var reader = new Utf8JsonReader(Utf8("""{"a":1}"""));
        reader.Read();
        var context = new BindingContext();

        var members = ObjectReader.Start(ref reader, context);

        Assert.False(members.Failed);
        Assert.True(members.NextMember(ref reader, context, new PropertyNameSet("a", "b"), out var member));
        Assert.Equal(0, member);
        members.ReadMember<long, Int64Codec>(ref reader, context, 0, "a", out var a);
        Assert.False(members.NextMember(ref reader, context));
        members.RequireMember(context, 1, "b");
        Assert.Equal(1, a);
        Assert.Equal("required", Assert.Single(context.ToResult().Errors).Keyword);
    }
}
