using System;
using System.Text;

namespace Hooksmith;

/// <summary>RFC 6901 JSON Pointer helpers.</summary>
public static class JsonPointer
{
    /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
    public static string EscapeToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return token;
        }

        return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Appends an escaped token to a builder that holds a pointer.</summary>
    public static void AppendToken(StringBuilder builder, string token)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append('/').Append(EscapeToken(token));
    }
}
