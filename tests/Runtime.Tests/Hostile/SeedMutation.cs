using System;
using System.Linq;
using System.Text;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>The seed event's data with one piece of its text replaced by other bytes.</summary>
internal static class SeedMutation
{
    private static readonly byte[] Seed = SeedPayload.Data;

    /// <summary>The seed data with the first occurrence of <paramref name="original"/> (JSON text, quotes included) replaced.</summary>
    public static byte[] Replace(string original, ReadOnlySpan<byte> replacement)
    {
        var target = Encoding.UTF8.GetBytes(original);
        var at = Seed.AsSpan().IndexOf(target);
        if (at < 0)
        {
            throw new ArgumentException($"the seed has no {original}", nameof(original));
        }

        return [.. Seed.AsSpan(0, at), .. replacement, .. Seed.AsSpan(at + target.Length)];
    }

    /// <summary>Quotes raw string content (escapes as written).</summary>
    public static byte[] Quoted(ReadOnlySpan<byte> content) => [(byte)'"', .. content, (byte)'"'];

    /// <summary>Whether <paramref name="haystack"/> holds <paramref name="needle"/>.</summary>
    public static bool Holds(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static string Show(ReadOnlySpan<byte> bytes) => string.Concat(bytes.ToArray().Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}"));
}
