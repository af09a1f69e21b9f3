using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>
/// Generators of JSON string content (escapes as written) that the JSON grammar accepts but that cannot
/// be decoded to Unicode text: bytes that are not UTF-8 and escapes of unpaired surrogates.
/// </summary>
internal static class HostileText
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF],
        [0xFE, 0xFF],
        [0x80],                         // a continuation byte with no lead
        [0xC0, 0x80],                   // an overlong NUL
        [0xC1, 0xBF],                   // an overlong ASCII
        [0xE2, 0x82],                   // a three-byte sequence cut short
        [0xED, 0xA0, 0x80],             // a surrogate encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80],       // beyond U+10FFFF
        [0xF8, 0x88, 0x80, 0x80, 0x80], // a five-byte form
    ];

    private static readonly Gen<string> Letters = Gen.String[Gen.Char['a', 'z'], 0, 12];

    /// <summary>Invalid UTF-8 between two runs of letters.</summary>
    public static readonly Gen<byte[]> WithInvalidUtf8 =
        Gen.Select(Letters, Gen.Int[0, InvalidUtf8.Length - 1].Select(i => InvalidUtf8[i]), Letters, (before, bad, after) => Join(before, bad, after));

    /// <summary>An escaped surrogate with no partner (a high one alone or before a non-low unit, a low one alone or first).</summary>
    public static readonly Gen<byte[]> WithUnpairedSurrogate =
        Gen.Select(Letters, Gen.Int[0, 3], Gen.Int[0xD800, 0xDBFF], Gen.Int[0xDC00, 0xDFFF], Letters, (before, shape, high, low, after) =>
        {
            var escape = shape switch
            {
                0 => $"\\u{high:x4}",
                1 => $"\\u{low:X4}",
                2 => $"\\u{high:X4}\\u0041",
                _ => $"\\u{low:x4}\\u{high:x4}",
            };
            return Join(before, Encoding.ASCII.GetBytes(escape), after);
        });

    /// <summary>Either kind.</summary>
    public static readonly Gen<byte[]> Any = Gen.OneOf(WithInvalidUtf8, WithUnpairedSurrogate);

    private static byte[] Join(string before, byte[] bad, string after)
        => [.. Encoding.ASCII.GetBytes(before), .. bad, .. Encoding.ASCII.GetBytes(after)];

    public static IEnumerable<byte[]> Examples() => InvalidUtf8.Concat([
        "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\uDBFF\\u0041"u8.ToArray(), "\\uDC00\\uD800"u8.ToArray()]);
}
