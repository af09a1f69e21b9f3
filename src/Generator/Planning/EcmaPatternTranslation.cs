namespace Hooksmith.Generator.Planning;

/// <summary>The outcome of <see cref="EcmaPatternTranslator.Translate(string)"/>.</summary>
/// <param name="Success">Whether <paramref name="DotNetPattern"/> holds a translation with the same meaning.</param>
/// <param name="DotNetPattern">
/// The .NET pattern, to construct with <c>RegexOptions.CultureInvariant</c> (optionally with
/// <c>RegexOptions.Compiled</c>); never with <c>IgnoreCase</c>, <c>Multiline</c>, <c>Singleline</c>,
/// <c>IgnorePatternWhitespace</c>, <c>ExplicitCapture</c>, <c>RightToLeft</c> or <c>ECMAScript</c>.
/// </param>
/// <param name="Error">Why the pattern is invalid ECMA-262 or cannot be translated, in plain English.</param>
/// <param name="ErrorIndex">The UTF-16 index in the ECMA-262 pattern the error is about; -1 on success.</param>
internal sealed record EcmaPatternTranslation(bool Success, string? DotNetPattern, string? Error, int ErrorIndex)
{
    /// <summary>
    /// Whether the pattern is valid ECMA-262 that this translator cannot express in .NET (as opposed to
    /// an invalid pattern). Meaningful only when <see cref="Success"/> is false.
    /// </summary>
    public bool Unsupported { get; init; }

    /// <summary>
    /// Whether <see cref="DotNetPattern"/> uses no lookaround, backreference or conditional, so that
    /// <c>RegexOptions.NonBacktracking</c> may be added.
    /// </summary>
    public bool NonBacktrackingCompatible { get; init; }

    public static EcmaPatternTranslation Translated(string pattern, bool nonBacktrackingCompatible)
        => new(true, pattern, null, -1) { NonBacktrackingCompatible = nonBacktrackingCompatible };

    public static EcmaPatternTranslation Invalid(string error, int index) => new(false, null, error, index);

    public static EcmaPatternTranslation NotSupported(string error, int index)
        => new(false, null, error, index) { Unsupported = true };
}
