using System;

namespace Hooksmith.Validation;

public static partial class FormatChecks
{
    /// <summary>
    /// <c>regex</c>: whether the value is a syntactically valid ECMA-262 regular expression pattern
    /// (without the surrounding slashes and flags).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The dialect is ECMA-262 with Unicode-mode escapes and web-compatible (Annex B) leniency
    /// elsewhere: an escaped ASCII letter or digit must be a defined escape (<c>\d</c>, <c>\p{L}</c>,
    /// <c>\cA</c>, <c>\u{1F600}</c>, <c>\k&lt;name&gt;</c>, a backreference to an existing group…),
    /// so <c>\a</c> is refused, while any other character may be escaped and a lone <c>]</c>,
    /// <c>}</c> or non-quantifier <c>{</c> is a literal. Named groups, lookbehind and
    /// <c>(?ims-ims:…)</c> modifiers are accepted; Python and PCRE forms such as <c>(?P&lt;n&gt;…)</c>,
    /// <c>(?#…)</c> and <c>(?i)</c> are not.
    /// </para>
    /// <para>
    /// Limits: property names in <c>\p{…}</c> are checked for shape only; duplicate group names are
    /// not reported; the <c>v</c>-flag class syntax (<c>[[a]--[b]]</c>) is not understood; and
    /// groups nested more than 256 deep are refused.
    /// </para>
    /// </remarks>
    public static bool IsRegex(ReadOnlySpan<char> value) => EcmaPatternSyntax.IsValid(value);
}
