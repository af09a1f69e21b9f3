using System;

namespace Hooksmith.Validation;

/// <summary>RFC 3492 Punycode over spans, for the labels of internationalized host names.</summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    /// <summary>Decodes the part of an A-label after <c>xn--</c> into code points.</summary>
    /// <returns>False for malformed input, overflow, a result that is not Unicode scalars, or one longer than <paramref name="output"/>.</returns>
    public static bool TryDecode(ReadOnlySpan<char> input, Span<int> output, out int written)
    {
        written = 0;
        int delimiter = input.LastIndexOf('-');
        int position = 0;
        if (delimiter > 0)
        {
            for (int j = 0; j < delimiter; j++)
            {
                char c = input[j];
                if (c >= 0x80 || written == output.Length)
                {
                    return false;
                }

                output[written++] = c;
            }

            position = delimiter + 1;
        }

        int n = InitialN;
        int i = 0;
        int bias = InitialBias;
        while (position < input.Length)
        {
            int oldI = i;
            int weight = 1;
            for (int k = Base; ; k += Base)
            {
                if (position >= input.Length)
                {
                    return false;
                }

                int digit = DecodeDigit(input[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / weight)
                {
                    return false;
                }

                i += digit * weight;
                int t = Threshold(k, bias);
                if (digit < t)
                {
                    break;
                }

                if (weight > int.MaxValue / (Base - t))
                {
                    return false;
                }

                weight *= Base - t;
            }

            int length = written + 1;
            bias = Adapt(i - oldI, length, oldI == 0);
            if (i / length > 0x10FFFF - n)
            {
                return false;
            }

            n += i / length;
            i %= length;
            if (n is >= 0xD800 and <= 0xDFFF || written == output.Length)
            {
                return false;
            }

            output.Slice(i, written - i).CopyTo(output.Slice(i + 1));
            output[i] = n;
            written++;
            i++;
        }

        return true;
    }

    /// <summary>Encodes code points as the part of an A-label after <c>xn--</c>, in lower case.</summary>
    /// <returns>False when the result would be longer than <paramref name="output"/>.</returns>
    public static bool TryEncode(ReadOnlySpan<int> input, Span<char> output, out int written)
    {
        written = 0;
        int basic = 0;
        foreach (int codePoint in input)
        {
            if (codePoint < 0x80)
            {
                if (written == output.Length)
                {
                    return false;
                }

                output[written++] = (char)codePoint;
                basic++;
            }
        }

        if (basic > 0)
        {
            if (written == output.Length)
            {
                return false;
            }

            output[written++] = '-';
        }

        int n = InitialN;
        int delta = 0;
        int bias = InitialBias;
        int handled = basic;
        while (handled < input.Length)
        {
            int next = int.MaxValue;
            foreach (int codePoint in input)
            {
                if (codePoint >= n && codePoint < next)
                {
                    next = codePoint;
                }
            }

            if (next - n > (int.MaxValue - delta) / (handled + 1))
            {
                return false;
            }

            delta += (next - n) * (handled + 1);
            n = next;
            foreach (int codePoint in input)
            {
                if (codePoint < n)
                {
                    delta++;
                }
                else if (codePoint == n)
                {
                    int q = delta;
                    for (int k = Base; ; k += Base)
                    {
                        int t = Threshold(k, bias);
                        if (q < t)
                        {
                            break;
                        }

                        if (written == output.Length)
                        {
                            return false;
                        }

                        output[written++] = EncodeDigit(t + ((q - t) % (Base - t)));
                        q = (q - t) / (Base - t);
                    }

                    if (written == output.Length)
                    {
                        return false;
                    }

                    output[written++] = EncodeDigit(q);
                    bias = Adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return true;
    }

    private static int Threshold(int k, int bias) => k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }

    private static int DecodeDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 26,
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        _ => -1,
    };

    private static char EncodeDigit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);
}
