namespace Hooksmith.Generator.Drift;

/// <summary>Compares a lock as stored with a lock as written, as text.</summary>
internal static class LockText
{
    /// <summary>
    /// True when <paramref name="stored"/> reads as <paramref name="written"/>, but for carriage returns (a
    /// checkout with <c>core.autocrlf</c>) and whitespace at the end (an editor's final newline).
    /// </summary>
    public static bool SameAs(string stored, string written)
    {
        if (string.Equals(stored, written, System.StringComparison.Ordinal))
        {
            return true;
        }

        int i = 0, j = 0;
        while (true)
        {
            while (i < stored.Length && stored[i] == '\r')
            {
                i++;
            }

            while (j < written.Length && written[j] == '\r')
            {
                j++;
            }

            if (i == stored.Length || j == written.Length)
            {
                return OnlyWhitespaceFrom(stored, i) && OnlyWhitespaceFrom(written, j);
            }

            if (stored[i] != written[j])
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static bool OnlyWhitespaceFrom(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a range of <paramref name="stored"/> reads as a range of <paramref name="written"/>, carriage returns aside.</summary>
    public static bool SameRange(string stored, TextRange storedRange, string written, TextRange writtenRange)
    {
        int i = storedRange.Start, j = writtenRange.Start;
        int storedEnd = storedRange.Start + storedRange.Length, writtenEnd = writtenRange.Start + writtenRange.Length;
        while (true)
        {
            while (i < storedEnd && stored[i] == '\r')
            {
                i++;
            }

            while (j < writtenEnd && written[j] == '\r')
            {
                j++;
            }

            if (i == storedEnd || j == writtenEnd)
            {
                return i == storedEnd && j == writtenEnd;
            }

            if (stored[i] != written[j])
            {
                return false;
            }

            i++;
            j++;
        }
    }
}
