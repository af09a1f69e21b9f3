using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Runtime.Tests.Dates;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// <c>format: date</c> binds to <see cref="DateOnly"/> and writes back exactly as it came; any other text at a
/// date is reported at its pointer and kept raw, never thrown; a <c>time</c> stays text.
/// </summary>
public sealed class DateBindingTests
{
    private static readonly Gen<string> DateText = Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Text that is almost a date: a day the month lacks, a month 00 or 13, a date-time, other spellings, padding.</summary>
    private static readonly Gen<string> NearDates = Gen.OneOf(
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], (year, month) => $"{year:0000}-{month:00}-{DateTime.DaysInMonth(year, month) + 1:00}"),
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 28], (year, day) => $"{year:0000}-00-{day:00}"),
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 28], (year, day) => $"{year:0000}-13-{day:00}"),
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], (month, day) => $"0000-{month:00}-{day:00}"),
        DateText.Select(d => d + "T00:00:00.000Z"),
        DateText.Select(d => d.Replace("-", "", StringComparison.Ordinal)),
        DateText.Select(d => d.Replace('-', '/')),
        DateText.Select(d => " " + d),
        DateText.Select(d => d + " "),
        DateText.Select(d => d[..^1]),
        DateText.Select(d => "+" + d),
        DateText.Select(d => d.Replace('1', '١')));

    [Fact]
    public void Every_date_binds_to_its_day_and_writes_back_as_it_came()
    {
        Gen.DateOnly.Sample(day =>
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var json = $$"""{"day":"{{text}}","maybe_day":"{{text}}","days":["{{text}}","{{text}}"]}""";

            Assert.True(Booking.TryParse(Encoding.UTF8.GetBytes(json), out var booking, out var result), result.ToString());
            Assert.True(result.IsValid, result.ToString());
            Assert.Equal(day, booking.Day);
            Assert.Equal(day, booking.MaybeDay);
            Assert.Equal([day, day], booking.Days!);
            Assert.Null(booking.AdditionalProperties);
            Assert.Equal(json, Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(booking)));
        });
    }

    [Fact]
    public void A_date_set_in_code_is_written_as_a_full_date()
    {
        Gen.DateOnly.Sample(day =>
        {
            var booking = new Booking { Day = day };

            Assert.Equal($$"""{"day":"{{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}"}""", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(booking)));
        });
    }

    [Fact]
    public void Text_that_is_not_a_date_is_reported_at_its_pointer_and_kept_raw()
    {
        Gen.OneOf(NearDates, Gen.String).Sample(text =>
        {
            if (DateOnlyCodec.TryParse(Encoding.UTF8.GetBytes(text), out _))
            {
                return;
            }

            var json = JsonSerializer.Serialize(new { day = text, days = new[] { "2019-10-11", text } });

            Assert.True(Booking.TryParse(Encoding.UTF8.GetBytes(json), out var booking, out var result));
            Assert.Equal(["/day", "/days/1"], result.Errors.Where(e => e.Keyword == "binding").Select(e => e.InstanceLocation));
            Assert.Equal(default, booking.Day);
            Assert.Null(booking.Days);
            Assert.Equal(text, booking.AdditionalProperties!["day"].GetString());
            Assert.Equal(2, booking.AdditionalProperties["days"].GetArrayLength());

            using var written = JsonDocument.Parse(JsonModel.ToUtf8Bytes(booking));
            Assert.Equal(text, written.RootElement.GetProperty("day").GetString());
            Assert.Equal(text, written.RootElement.GetProperty("days")[1].GetString());
        });
    }

    [Fact]
    public void A_date_of_another_json_type_is_reported_not_thrown()
    {
        foreach (var value in new[] { "20191011", "true", "{}", "[\"2019-10-11\"]", "null" })
        {
            Assert.True(Booking.TryParse(Encoding.UTF8.GetBytes($$"""{"day":{{value}}}"""), out var booking, out var result));
            Assert.Contains(result.Errors, e => e.InstanceLocation == "/day");
            Assert.Equal(value, booking.AdditionalProperties!["day"].GetRawText());
        }

        Assert.True(Booking.TryParse("""{"day":"2019-10-11","maybe_day":null}"""u8, out var withNull, out var valid));
        Assert.True(valid.IsValid, valid.ToString());
        Assert.Null(withNull.MaybeDay);
        Assert.Equal("""{"day":"2019-10-11","maybe_day":null}""", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(withNull)));
    }

    [Fact]
    public void An_escaped_date_binds_to_its_day()
    {
        Assert.True(Booking.TryParse("""{"day":"\u0032019-10-\u00311"}"""u8, out var booking, out var result));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new DateOnly(2019, 10, 11), booking.Day);
        using var written = JsonDocument.Parse(JsonModel.ToUtf8Bytes(booking));
        Assert.Equal("2019-10-11", written.RootElement.GetProperty("day").GetString());
    }

    [Fact]
    public void A_time_stays_text_with_its_offset_and_a_date_time_keeps_its_spelling()
    {
        const string Json = """{"day":"2019-10-11","at":"2019-10-11T08:00:00.5+02:00","opens":"10:00:00+02:00"}""";

        Assert.True(Booking.TryParse(Encoding.UTF8.GetBytes(Json), out var booking, out var result));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("10:00:00+02:00", booking.Opens);
        Assert.Equal(new DateTimeOffset(2019, 10, 11, 8, 0, 0, 500, TimeSpan.FromHours(2)), booking.At);

        // Strings are written with the default encoder ('+' escaped as \u002B): the same text, compared as JSON.
        using var written = JsonDocument.Parse(JsonModel.ToUtf8Bytes(booking));
        Assert.Equal("2019-10-11", written.RootElement.GetProperty("day").GetString());
        Assert.Equal("2019-10-11T08:00:00.5+02:00", written.RootElement.GetProperty("at").GetString());
        Assert.Equal("10:00:00+02:00", written.RootElement.GetProperty("opens").GetString());
    }
}
