using System;
using System.Text;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Formats;

/// <summary>No input makes a check throw, and ASCII input makes none allocate.</summary>
public sealed class FormatCheckRobustnessTests
{
    private static readonly string[] Formats =
    [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "json-pointer",
        "relative-json-pointer", "regex",
    ];

    /// <summary>Pieces that reach deep into the grammars, mixed with lone surrogates and other odd characters.</summary>
    private static readonly string[] Pieces =
    [
        "1", "9", "0", "a", "Z", "T", "z", "P", "W", "-", "+", ".", ":", "::", "/", "//", "?", "#", "@", "%", "%4", "%41",
        "[", "]", "{", "}", "(", ")", "(?", "(?<", "<", ">", "\\", "\\k<", "\\u{", "\\p{", "\"", "~", "~0", "*", "|", "^", "$",
        ",", ";", "=", "'", " ", "\t", "\n", "xn--", "XN--", "v1.", "IPv6:", "1999-12-31", "23:59:60", "192.168.0.1",
        "\u00fc", "\u00b7", "l", "\u0375", "\u05d0", "\u05f3", "\u30fb", "\u0660", "\u06f0", "\u200c", "\u200d", "\u094d",
        "\u0628", "\u0300", "\u3002", "\uff0e", "\uff61", "\ue000", "\ufffe", "\uffff", "\ud800", "\udc00",
        "\ud83d\ude00", "\udb80\udc00", "\u0000", "\u007f",
    ];

    [Fact]
    public void Random_strings_never_make_a_check_throw()
    {
        var random = new Random(20_240_601);
        var text = new StringBuilder();
        for (int round = 0; round < 20_000; round++)
        {
            text.Clear();
            int pieces = random.Next(0, 24);
            for (int i = 0; i < pieces; i++)
            {
                if (random.Next(4) == 0)
                {
                    text.Append((char)random.Next(0, 0x10000));
                }
                else
                {
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                }
            }

            string value = text.ToString();
            foreach (string format in Formats)
            {
                Assert.True(FormatChecks.TryCheck(format, value, out _));
            }
        }
    }

    [Fact]
    public void Long_inputs_never_make_a_check_throw()
    {
        foreach (string piece in Pieces)
        {
            string value = new StringBuilder().Insert(0, piece, 20_000 / piece.Length + 1).ToString();
            foreach (string format in Formats)
            {
                Assert.True(FormatChecks.TryCheck(format, value, out _));
            }
        }
    }

    [Fact]
    public void Checks_of_ascii_input_do_not_allocate()
    {
        string[] samples =
        [
            "2024-02-29T23:59:60.5+00:00", "P1Y2M3DT4H5M6S", "joe.bloggs@example.com", "\"a b\"@[IPv6:::1]",
            "www.example.com", "192.168.0.1", "::ffff:192.168.0.1", "http://user@[v1.x]:80/p?q#f", "../a/b?c",
            "http://example.com/{term:1}/{term*}", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "/a~0b/c~1d", "0+1/a",
            "(?<y>\\d{4})-\\k<y>[a-z\\-]+\\p{L}*", "not valid at all %%",
        ];

        // Warm up, so that the measured pass sees no first-call work.
        CheckAll(samples);
        long before = GC.GetAllocatedBytesForCurrentThread();
        CheckAll(samples);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    private static void CheckAll(string[] samples)
    {
        foreach (string sample in samples)
        {
            foreach (string format in Formats)
            {
                FormatChecks.TryCheck(format, sample, out _);
            }
        }
    }
}
