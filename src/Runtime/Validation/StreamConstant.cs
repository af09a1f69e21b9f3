using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Validation;

/// <summary>One scalar of a <c>const</c> or <c>enum</c>, compared with the reader's current token.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamConstant
{
    private readonly JsonTokenType _token;
    private readonly byte[]? _utf8;
    private readonly JsonNumber _number;

    private StreamConstant(JsonTokenType token, byte[]? utf8, JsonNumber number)
    {
        _token = token;
        _utf8 = utf8;
        _number = number;
    }

    /// <summary><c>null</c>.</summary>
    public static StreamConstant Null { get; } = new(JsonTokenType.Null, null, default);

    /// <summary><c>true</c>.</summary>
    public static StreamConstant True { get; } = new(JsonTokenType.True, null, default);

    /// <summary><c>false</c>.</summary>
    public static StreamConstant False { get; } = new(JsonTokenType.False, null, default);

    /// <summary>A string, compared by its decoded text.</summary>
    public static StreamConstant String(string value) => new(JsonTokenType.String, Encoding.UTF8.GetBytes(value), default);

    /// <summary>A number, compared by mathematical value (<c>1.0</c> equals <c>1</c>).</summary>
    public static StreamConstant Number(string literal) => new(JsonTokenType.Number, null, JsonNumber.Parse(literal));

    /// <summary>Whether the reader's current token (a scalar) equals this constant.</summary>
    internal bool Matches(ref readonly Utf8JsonReader reader)
        => reader.TokenType == _token && _token switch
        {
            JsonTokenType.String => reader.ValueTextEquals(_utf8),
            JsonTokenType.Number => JsonNumber.TryParse(reader.ValueSpan, out var value) && value.Equals(_number),
            _ => true,
        };
}
