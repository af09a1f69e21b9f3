using System.Linq;
using System.Text;
using CsCheck;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>
/// A member name repeated in one object (I-JSON forbids it) is reported at its pointer, by validation and by
/// binding alike; the last copy is the one bound, whether it fits its type or not.
/// </summary>
public sealed class DuplicateMemberTests
{
    private static byte[] WithStatus(string members) => SeedMutation.Replace("\"status\": \"PAID\"", Encoding.UTF8.GetBytes(members));

    [Theory]
    [InlineData("\"status\": \"PAID\", \"status\": \"CANCELED\"", "CANCELED")]
    [InlineData("\"status\": 5, \"status\": \"PAID\"", "PAID")]
    [InlineData("\"status\": \"PAID\", \"status\": 5", null)]
    public void Repeated_property_is_reported_and_the_last_copy_is_bound(string members, string? bound)
    {
        var payload = WithStatus(members);

        Assert.Contains(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation == "/order/status" && e.Keyword == "duplicate");
        Assert.False(CustomerOrderUpdated.Validate(payload, ValidationOptions.FirstFailure).IsValid);
        Assert.True(JsonModel.TryBind<CustomerOrderUpdated>(payload, out var data, out var binding));
        Assert.Contains(binding.Errors, e => e.InstanceLocation == "/order/status" && e.Keyword == "duplicate");
        Assert.Equal(bound, data.Order!.Status?.Value);

        var written = Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(data));
        Assert.Single(written.Split("\"status\":").Skip(1));
        Assert.Contains(bound is null ? "\"status\":5" : $"\"status\":\"{bound}\"", written);
    }

    [Fact]
    public void Any_number_of_copies_binds_the_last_and_reports_each_repeat()
    {
        Gen.Long[0, 100_000].Array[2, 6].Sample(values =>
        {
            var members = string.Join(", ", values.Select(v => $"\"amount\": {v}"));
            var payload = SeedMutation.Replace("\"amount\": 5500", Encoding.UTF8.GetBytes(members));

            Assert.Equal(values.Length - 1, CustomerOrderUpdated.Validate(payload).Errors.Count(e => e.InstanceLocation == "/order/amount" && e.Keyword == "duplicate"));
            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
            Assert.Contains(result.Errors, e => e.InstanceLocation == "/order/amount" && e.Keyword == "duplicate");
            Assert.Equal(values[^1], data.Order!.Amount);
        }, iter: 100);
    }

    [Theory]
    [InlineData("\"region\": \"US\", \"region\": \"EU\"", "/order/metadata/region")]                      // a map
    [InlineData("\"source_id\": \"4l3x-d03\", \"extra\": 1, \"extra\": 2", "/customer/extra")]           // unknown members
    [InlineData("\"source_id\": \"4l3x-d03\", \"source_id\": \"other\"", "/customer/source_id")]         // a nullable property
    public void Repeated_member_anywhere_is_reported_at_its_pointer(string members, string pointer)
    {
        var original = members.StartsWith("\"region\"", System.StringComparison.Ordinal) ? "\"region\": \"US\"" : "\"source_id\": \"4l3x-d03\"";
        var payload = SeedMutation.Replace(original, Encoding.UTF8.GetBytes(members));

        Assert.Contains(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation == pointer && e.Keyword == "duplicate");
        Assert.True(JsonModel.TryBind<CustomerOrderUpdated>(payload, out var data, out var binding));
        Assert.Contains(binding.Errors, e => e.InstanceLocation == pointer && e.Keyword == "duplicate");
        var written = Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(data));
        Assert.Contains(members.Contains("EU") ? "\"region\":\"EU\"" : members.Contains("extra") ? "\"extra\":2" : "\"source_id\":\"other\"", written);
    }

    [Fact]
    public void Differently_escaped_spellings_of_one_name_are_duplicates()
    {
        var payload = WithStatus("\"status\": \"PAID\", \"st\\u0061tus\": \"CANCELED\"");
        Assert.Contains(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation == "/order/status" && e.Keyword == "duplicate");
    }
}
