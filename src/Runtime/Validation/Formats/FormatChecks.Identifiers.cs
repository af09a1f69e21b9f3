using System;

namespace Hooksmith.Validation;

public static partial class FormatChecks
{
    /// <summary>
    /// <c>uuid</c>: the RFC 4122 string form, 8-4-4-4-12 hex digits in either case. Any version and
    /// variant is accepted; a <c>urn:uuid:</c> prefix or braces are not.
    /// </summary>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            bool ok = i is 8 or 13 or 18 or 23 ? value[i] == '-' : char.IsAsciiHexDigit(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>json-pointer</c>: an RFC 6901 JSON Pointer: empty, or <c>/</c>-prefixed reference tokens in
    /// which <c>~</c> is always followed by <c>0</c> or <c>1</c>. This is the string form, not the
    /// URI-fragment form (<c>#/a</c>).
    /// </summary>
    /// <remarks>Lone surrogates are refused, since they are not Unicode characters.</remarks>
    public static bool IsJsonPointer(ReadOnlySpan<char> value) => value.IsEmpty || (value[0] == '/' && IsPointerTail(value));

    /// <summary>
    /// <c>relative-json-pointer</c>: a non-negative integer without leading zeros, an optional index
    /// adjustment (<c>+n</c> or <c>-n</c>), then <c>#</c> or a JSON Pointer (which may be empty).
    /// </summary>
    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> value)
    {
        int i = 0;
        if (!TryReadNonNegativeInteger(value, ref i))
        {
            return false;
        }

        if (i < value.Length && value[i] is '+' or '-')
        {
            i++;
            if (!TryReadNonNegativeInteger(value, ref i))
            {
                return false;
            }
        }

        var rest = value[i..];
        return rest.IsEmpty || (rest.Length == 1 && rest[0] == '#') || (rest[0] == '/' && IsPointerTail(rest));
    }

    private static bool TryReadNonNegativeInteger(ReadOnlySpan<char> value, ref int i)
    {
        int start = i;
        while (i < value.Length && IsDigit(value[i]))
        {
            i++;
        }

        return i > start && (i - start == 1 || value[start] != '0');
    }

    private static bool IsPointerTail(ReadOnlySpan<char> pointer)
    {
        for (int i = 0; i < pointer.Length;)
        {
            char c = pointer[i];
            if (c == '~')
            {
                if (i + 1 >= pointer.Length || pointer[i + 1] is not ('0' or '1'))
                {
                    return false;
                }

                i += 2;
            }
            else if (!TryReadScalar(pointer, ref i, out _))
            {
                return false;
            }
        }

        return true;
    }
}
