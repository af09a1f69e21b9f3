using System;
using System.Globalization;
using System.Text;
using CsCheck;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>A date-time is written back exactly as it was spelled, unless the property was set in code.</summary>
public sealed class DateTimeSpellingTests
{
    private const string CreatedAt = "\"2024-03-12T08:37:24.296Z\"";

    private static readonly Gen<string> Spellings =
        Gen.Select(Gen.DateTime[new DateTime(1971, 1, 1), new DateTime(2999, 12, 31)], Gen.Int[0, 7], Gen.Int[0, 4], Gen.Int[-14 * 60, 14 * 60], (moment, digits, zone, offsetMinutes) =>
        {
            var text = moment.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            if (digits > 0)
            {
                text += "." + moment.Ticks.ToString("D7", CultureInfo.InvariantCulture)[^7..][..digits];
            }

            var offset = TimeSpan.FromMinutes(offsetMinutes);
            return text + zone switch
            {
                0 => "Z",
                1 => "+00:00",
                _ => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture),
            };
        });

    [Fact]
    public void Date_time_is_written_back_as_it_was_spelled()
    {
        Spellings.Sample(spelling =>
        {
            var payload = SeedMutation.Replace(CreatedAt, Encoding.ASCII.GetBytes($"\"{spelling}\""));
            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
            Assert.True(result.IsValid, result.ToString());
            Assert.NotNull(data.Order!.CreatedAt);

            var written = Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(data));
            Assert.Contains($"\"created_at\":\"{spelling}\"", written);
        }, iter: 300);
    }

    [Theory]
    [InlineData("2024-03-12T08:37:24Z")]
    [InlineData("2024-03-12T08:37:24.000Z")]
    [InlineData("2024-03-12T08:37:24.213000Z")]
    [InlineData("2024-03-12T08:37:24+00:00")]
    [InlineData("2024-03-12T10:37:24.5+02:00")]
    [InlineData("2024-03-12")]
    [InlineData("2024\\u002d03-12T08:37:24Z")]
    public void Known_spellings_round_trip_byte_for_byte(string spelling)
    {
        var payload = SeedMutation.Replace(CreatedAt, Encoding.ASCII.GetBytes($"\"{spelling}\""));
        Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out _));
        Assert.Contains($"\"created_at\":\"{spelling}\"", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(data)));
    }

    [Fact]
    public void A_date_time_set_in_code_is_written_from_its_value()
    {
        var payload = SeedMutation.Replace(CreatedAt, "\"2024-03-12T08:37:24+00:00\""u8);
        Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out _));

        var later = data with { Order = data.Order! with { CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) } };
        Assert.Contains("\"created_at\":\"2025-01-02T03:04:05.000Z\"", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(later)));

        // The same instant in another offset is another value: written from it, not from the old text.
        var moved = data with { Order = data.Order! with { CreatedAt = data.Order.CreatedAt!.Value.ToOffset(TimeSpan.FromHours(2)) } };
        Assert.Contains("\"created_at\":\"2024-03-12T10:37:24.000+02:00\"", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(moved)));

        // Unchanged values keep their text through `with`.
        var copy = data with { };
        Assert.Contains("\"created_at\":\"2024-03-12T08:37:24+00:00\"", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(copy)));
    }
}
