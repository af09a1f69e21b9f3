using System;
using System.Linq;
using System.Text.Json;
using CsCheck;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>
/// A string or member name whose text cannot be decoded (invalid UTF-8, an escaped unpaired surrogate) is a
/// problem at its pointer with the raw value kept, never an exception: binding, validation in both modes,
/// equality and writing all go through.
/// </summary>
public sealed class HostileTextTests
{
    /// <summary>Where a hostile string value is put in the seed data, and the pointer it is reported at.</summary>
    public static TheoryData<string, string> ValuePlaces() => new()
    {
        { "\"ord_tNridJhmcEOQXUqNyenX1Up6\"", "/order/id" },             // a string property
        { "\"PAID\"", "/order/status" },                                 // an open enum
        { "\"US\"", "/order/metadata/region" },                          // a map of raw JSON
        { "\"Alex Doe\"", "/customer/name" },                            // a nullable string
        { "\"2024-03-12T08:37:24.296Z\"", "/order/created_at" },         // a date-time
        { "\"Other\"", "/order/metadata/card/0" },                       // inside an array kept raw
        { "\"Star Thermal Bottle\"", "/order/items/0/product/name" },    // inside a list of records
    };

    [Theory]
    [MemberData(nameof(ValuePlaces))]
    public void Undecodable_string_value_is_reported_at_its_pointer_and_written_back_as_it_came(string original, string pointer)
    {
        HostileText.Any.Sample(content =>
        {
            var payload = SeedMutation.Replace(original, SeedMutation.Quoted(content));

            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
            Assert.Contains(result.Errors, e => e.InstanceLocation == pointer && e.Keyword == "encoding");

            var full = CustomerOrderUpdated.Validate(payload);
            Assert.Contains(full.Errors, e => e.InstanceLocation == pointer && e.Keyword == "encoding");
            Assert.False(CustomerOrderUpdated.Validate(payload, ValidationOptions.FirstFailure).IsValid);

            var written = JsonModel.ToUtf8Bytes(data);
            Assert.True(SeedMutation.Holds(written, SeedMutation.Quoted(content)), SeedMutation.Show(written));

            Assert.True(CustomerOrderUpdated.TryParse(written, out var again, out _));
            Assert.Equal(data, again);
            Assert.Equal(data.GetHashCode(), again.GetHashCode());
        }, iter: 60);
    }

    /// <summary>Member names of a record, of a map, and of the root.</summary>
    public static TheoryData<string, string, bool> NamePlaces() => new()
    {
        { "\"source_id\": \"4l3x-d03\"", "/customer/", true },
        { "\"region\": \"US\"", "/order/metadata/", true },
        { "\"referrer\": null", "/", false },
    };

    [Theory]
    [MemberData(nameof(NamePlaces))]
    public void Undecodable_member_name_is_reported_and_its_object_kept_raw(string original, string parent, bool binds)
    {
        HostileText.Any.Sample(content =>
        {
            var member = (byte[])[.. SeedMutation.Quoted(content), .. ": 1"u8];
            var payload = SeedMutation.Replace(original, member);

            var parsed = CustomerOrderUpdated.TryParse(payload, out var data, out var result);
            Assert.Equal(binds, parsed);
            Assert.Contains(result.Errors, e => e.InstanceLocation.StartsWith(parent, StringComparison.Ordinal) && e.Keyword == "encoding");
            Assert.Contains(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation.StartsWith(parent, StringComparison.Ordinal) && e.Keyword == "encoding");
            Assert.False(CustomerOrderUpdated.Validate(payload, ValidationOptions.FirstFailure).IsValid);
            if (binds)
            {
                var written = JsonModel.ToUtf8Bytes(data!);
                Assert.True(SeedMutation.Holds(written, member), SeedMutation.Show(written));
                Assert.True(CustomerOrderUpdated.TryParse(written, out var again, out _));
                Assert.Equal(data, again);
            }
        }, iter: 60);
    }

    [Fact]
    public void Kept_values_with_undecodable_text_compare_by_their_bytes()
    {
        var samples = HostileText.Examples().Select(content => JsonDocument.Parse(SeedMutation.Quoted(content)).RootElement).ToList();
        var text = JsonDocument.Parse("\"text\"").RootElement;
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.False(JsonElementComparer.Instance.Equals(samples[i], text));
            Assert.True(JsonElementComparer.Instance.Equals(samples[i], samples[i].Clone()));
            Assert.Equal(JsonElementComparer.Instance.GetHashCode(samples[i]), JsonElementComparer.Instance.GetHashCode(samples[i].Clone()));
            for (var j = i + 1; j < samples.Count; j++)
            {
                Assert.False(JsonElementComparer.Instance.Equals(samples[i], samples[j]));
            }
        }
    }

    [Fact]
    public void Validating_an_element_with_undecodable_text_reports_it()
    {
        using var document = JsonDocument.Parse(SeedMutation.Replace("\"Alex Doe\"", "\"\\udc00\""u8));
        var result = CustomerOrderUpdated.Validate(document.RootElement);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/customer/name", "encoding"), (error.InstanceLocation, error.Keyword));
        Assert.Contains("not valid Unicode text", error.Message);
    }

    [Fact]
    public void A_pattern_or_format_check_on_undecodable_text_reports_it_instead_of_matching()
    {
        // Formats asserted: the date-time check meets the repaired copy, and the text problem is reported first.
        var payload = SeedMutation.Replace("\"2024-03-12T08:37:24.296Z\"", "\"2024-03-12T08:37:24.296Z\\ud800\""u8);
        var result = CustomerOrderUpdated.Validate(payload, new ValidationOptions { AssertFormats = true });
        Assert.Equal(("/order/created_at", "encoding"), (result.Errors[0].InstanceLocation, result.Errors[0].Keyword));
        Assert.Contains(result.Errors, e => e.InstanceLocation == "/order/created_at" && e.Keyword == "format");
    }
}
