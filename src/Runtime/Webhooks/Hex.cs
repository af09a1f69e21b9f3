using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// Hexadecimal decoding into a caller's span and lowercase encoding. Written here because
/// <c>Convert.FromHexString</c> allocates and its span overload only exists from .NET 9.
/// </summary>
internal static class Hex
{
    /// <summary>Decodes exactly <c>2 × destination.Length</c> hex digits (either case); false on any other input.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = Digit(hex[2 * i]);
            var low = Digit(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    /// <summary>Encodes bytes as lowercase hex, the form providers put in their headers.</summary>
    public static string EncodeLower(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = bytes.Length <= 128 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
