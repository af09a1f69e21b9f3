using System;
using System.Text;
using System.Text.Json;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests;

public sealed class CodecTests
{
    private static string Write<T, TCodec>(T value)
        where TCodec : IJsonCodec<T>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TCodec.Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (bool Ok, T? Value, BindingContext Context) Read<T, TCodec>(string json)
        where TCodec : IJsonCodec<T>
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var context = new BindingContext();
        var ok = TCodec.TryRead(ref reader, context, out var value);
        return (ok, value, context);
    }

    [Theory]
    [InlineData("2024-03-12T08:37:24.296Z")]
    [InlineData("2024-03-12T13:40:39.080Z")]
    [InlineData("2024-03-12T13:40:39.000Z")]
    [InlineData("2024-03-12T13:40:39.1234567Z")]
    [InlineData("2024-03-12T13:40:39.500+02:00")]
    public void Dates_are_written_back_as_providers_write_them(string text)
    {
        var (ok, value, _) = Read<DateTimeOffset, DateTimeOffsetCodec>($"\"{text}\"");

        Assert.True(ok);
        Assert.Equal($"\"{text}\"", Write<DateTimeOffset, DateTimeOffsetCodec>(value));
    }

    [Fact]
    public void A_string_that_is_not_a_date_is_reported_not_thrown()
    {
        var (ok, _, context) = Read<DateTimeOffset, DateTimeOffsetCodec>("\"yesterday\"");

        Assert.False(ok);
        Assert.Equal("binding", Assert.Single(context.ToResult().Errors).Keyword);
    }

    [Fact]
    public void A_list_with_one_misfit_element_is_not_bound_and_the_element_is_located()
    {
        var context = new BindingContext();
        var reader = new Utf8JsonReader("""["a",2,"c"]"""u8);
        reader.Read();

        Assert.False(ListCodec<string, StringCodec>.TryRead(ref reader, context, out _));
        var error = Assert.Single(context.ToResult().Errors);
        Assert.Equal("/1", error.InstanceLocation);
    }

    [Fact]
    public void Nullable_codecs_accept_null_and_lifted_ones_do_not()
    {
        Assert.True(Read<long?, NullableValueCodec<long, Int64Codec>>("null").Ok);
        Assert.False(Read<long?, LiftedCodec<long, Int64Codec>>("null").Ok);
        Assert.Equal(7, Read<long?, LiftedCodec<long, Int64Codec>>("7").Value);
        Assert.Equal("null", Write<string?, NullableCodec<string, StringCodec>>(null));
    }

    [Fact]
    public void Pointer_tokens_are_escaped()
    {
        Assert.Equal("a~1b~0c", JsonPointer.EscapeToken("a/b~c"));
        var context = new BindingContext();
        context.Enter("a/b");
        context.Enter(3);
        context.Enter("~");
        Assert.Equal("/a~1b/3/~0", context.CurrentLocation);
    }
}
