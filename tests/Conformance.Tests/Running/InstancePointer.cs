using System;
using System.Globalization;
using System.Text.Json;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>
/// Checks that an error's <c>InstanceLocation</c> is an RFC 6901 JSON Pointer naming a value that
/// exists in the instance: every token is a member of an object or an index (no leading zeros, no
/// <c>-</c>) within an array.
/// </summary>
internal static class InstancePointer
{
    /// <summary>Null when <paramref name="pointer"/> resolves inside <paramref name="instance"/>, else why not.</summary>
    public static string? Check(JsonElement instance, string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        if (pointer[0] != '/')
        {
            return "does not start with '/'";
        }

        var current = instance;
        foreach (var raw in pointer[1..].Split('/'))
        {
            if (Unescape(raw) is not { } token)
            {
                return $"'{raw}' has a '~' that is not '~0' or '~1'";
            }

            switch (current.ValueKind)
            {
                case JsonValueKind.Object:
                    if (!current.TryGetProperty(token, out current))
                    {
                        return $"no member '{token}'";
                    }

                    break;
                case JsonValueKind.Array:
                    if (!IsIndex(token, out var index) || index >= current.GetArrayLength())
                    {
                        return $"'{token}' is not an index of an array of {current.GetArrayLength().ToString(CultureInfo.InvariantCulture)}";
                    }

                    current = current[index];
                    break;
                default:
                    return $"'{token}' goes into a {current.ValueKind.ToString().ToLowerInvariant()}";
            }
        }

        return null;
    }

    private static string? Unescape(string token)
    {
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return token;
        }

        var chars = new char[token.Length];
        var length = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                chars[length++] = token[i];
                continue;
            }

            if (i + 1 == token.Length || token[i + 1] is not ('0' or '1'))
            {
                return null;
            }

            chars[length++] = token[++i] == '0' ? '~' : '/';
        }

        return new string(chars, 0, length);
    }

    private static bool IsIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
