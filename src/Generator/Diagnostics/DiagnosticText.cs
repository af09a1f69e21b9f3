using System.Text;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Diagnostics;

/// <summary>JSON text (a property name, an enum value) as a diagnostic message shows it.</summary>
internal static class DiagnosticText
{
    /// <summary>Longest text shown; the rest is elided.</summary>
    public const int MaxLength = 120;

    /// <summary>
    /// The text on one line: with a line break, tab or other control character (or a lone surrogate)
    /// it is shown escaped as in JSON (<c>foo\nbar</c>), and text longer than <see cref="MaxLength"/> is cut
    /// with an ellipsis, so one odd name cannot make a message unreadable.
    /// </summary>
    public static string Of(string text)
    {
        var shown = text.Length > MaxLength ? text.Substring(0, MaxLength) : text;
        if (NeedsEscaping(shown))
        {
            var builder = new StringBuilder();
            JsonTextWriter.WriteString(builder, shown);
            shown = builder.ToString(1, builder.Length - 2);
        }

        return text.Length > MaxLength ? shown + "…" : shown;
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
