using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Hooksmith.Generator.Planning;

namespace Hooksmith.Generator.Emit;

/// <summary>The Emit stage for models: one <see cref="TypeSpec"/> to one C# type declaration.</summary>
internal static partial class TypeEmitter
{
    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Hooksmith\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>Writes one type's declaration (the file's header and namespace are <see cref="FileEmitter"/>'s).</summary>
    public static void Write(SourceWriter writer, TypeSpec spec)
    {
        switch (spec.Kind)
        {
            case TypeSpecKind.Record:
                EmitRecord(writer, spec);
                break;
            case TypeSpecKind.OpenEnum:
                EmitOpenEnum(writer, spec);
                break;
            case TypeSpecKind.Union:
                EmitUnion(writer, spec);
                break;
            default:
                EmitWrapper(writer, spec);
                break;
        }
    }

    /// <summary>
    /// Generated code reads and writes every member, deprecated ones too: the compiler's warning about a deprecated
    /// type or member is for the code that uses them, not for the generated code.
    /// </summary>
    public const string ObsoleteUseAllowed = "#pragma warning disable CS0612, CS0618 // the schema's deprecated types and members are still read and written";

    /// <summary>The attribute of a type or member whose schema says <c>deprecated: true</c>.</summary>
    public const string ObsoleteAttribute = "[global::System.Obsolete(\"The schema marks this deprecated: the provider means to stop sending it.\")]";

    private static void WriteTypeDocumentation(SourceWriter writer, TypeSpec spec)
    {
        var documentation = spec.Documentation;
        if (documentation.Summary is null && documentation.Remarks is null)
        {
            var pointer = spec.SchemaPointer.Length == 0 ? "#" : "#" + spec.SchemaPointer;
            writer.WriteLine($"/// <summary>The schema at <c>{Xml(pointer)}</c> in <c>{Xml(spec.SchemaFile)}</c>.</summary>");
        }
        else
        {
            WriteDocumentation(writer, documentation.Summary, documentation.Remarks);
        }
    }

    /// <summary>The attributes every generated type carries (after all of its documentation lines).</summary>
    private static void WriteTypeAttributes(SourceWriter writer, TypeSpec spec)
    {
        if (spec.Documentation.IsDeprecated)
        {
            writer.WriteLine(ObsoleteAttribute);
        }

        writer.WriteLine(GeneratedCodeAttribute);
    }

    private static void WriteDocumentation(SourceWriter writer, string? summary, string? remarks)
    {
        if (summary is null && remarks is null)
        {
            return;
        }

        if (summary is null)
        {
            summary = remarks;
            remarks = null;
        }

        WriteElement(writer, "summary", summary!);
        if (remarks is not null)
        {
            WriteElement(writer, "remarks", remarks);
        }
    }

    /// <summary>One documentation element: on one line when the text is one line, else one line per line.</summary>
    private static void WriteElement(SourceWriter writer, string element, string text)
    {
        var lines = Lines(text);
        if (lines.Length == 1)
        {
            writer.WriteLine($"/// <{element}>{Xml(lines[0])}</{element}>");
            return;
        }

        writer.WriteLine($"/// <{element}>");
        foreach (var line in lines)
        {
            writer.WriteLine("/// " + Xml(line));
        }

        writer.WriteLine($"/// </{element}>");
    }

    private static string[] Lines(string text) => text.Trim().Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    /// <summary>
    /// Text made safe for XML documentation on one line: markup escaped, line breaks (C# also breaks
    /// lines at U+2028 and U+2029) and other control characters as spaces, and characters XML does not
    /// allow (lone surrogates, U+FFFE, U+FFFF) as U+FFFD.
    /// </summary>
    internal static string Xml(string text)
    {
        if (IsPlain(text, static c => c is not ('&' or '<' or '>' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF') && !char.IsControl(c) && !char.IsSurrogate(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                case '\uFFFE' or '\uFFFF':
                    builder.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(char.IsControl(c) ? ' ' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text for a <c>//</c> comment: characters that would end the line (control characters, U+2028,
    /// U+2029) are written as <c>\uXXXX</c>, so a file name or JSON Pointer cannot break out of the comment.
    /// </summary>
    internal static string Comment(string text)
    {
        if (IsPlain(text, static c => !char.IsControl(c) && c is not ('\u2028' or '\u2029')))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string text)
    {
        if (IsPlain(text, static c => c >= 0x20 && c != 0x7F && c is not ('"' or '\\' or '\u2028' or '\u2029' or '\u0085') && !char.IsSurrogate(c)))
        {
            return "\"" + text + "\"";
        }

        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Whether every character of a text is written as it is (the common case, which needs no copy).</summary>
    private static bool IsPlain(string text, Func<char, bool> plain)
    {
        foreach (var c in text)
        {
            if (!plain(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A UTF-8 literal (<c>"name"u8</c>) when the text is valid UTF-16, else a plain string literal.</summary>
    public static string Utf8Literal(string text) => IsWellFormed(text) ? Literal(text) + "u8" : Literal(text);

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names the generated methods of a record use for their parameters and locals.</summary>
    private static readonly string[] MethodNames = ["reader", "context", "value", "members", "writer", "other", "hash", "additional", "names", "member"];

    /// <summary>
    /// A local variable (or parameter) name for each member, in order: camelCase, distinct from each
    /// other, from every member name (a local named like a property hides it: <c>if (X is { } X)</c>),
    /// from <paramref name="reserved"/> and from keywords. Names whose first letter has no lower case
    /// (<c>_123</c>, <c>日本</c>) get a leading underscore.
    /// </summary>
    private static List<string> LocalNames(IEnumerable<string> memberNames, IEnumerable<string> reserved)
    {
        var members = memberNames.Select(n => n.TrimStart('@')).ToList();
        var taken = new HashSet<string>(members.Concat(reserved), StringComparer.Ordinal);
        var locals = new List<string>(members.Count);
        foreach (var bare in members)
        {
            var camel = char.ToLowerInvariant(bare[0]) + bare.Substring(1);
            if (camel == bare)
            {
                camel = "_" + camel;
            }

            var local = camel;
            if (taken.Contains(local))
            {
                local = camel + "Value";
                for (var i = 2; taken.Contains(local); i++)
                {
                    local = camel + "Value" + i.ToString(CultureInfo.InvariantCulture);
                }
            }

            taken.Add(local);
            locals.Add(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(local) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
                || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(local) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
                ? "@" + local
                : local);
        }

        return locals;
    }
}
