using System;

namespace Hooksmith.Validation;

public static partial class FormatChecks
{
    /// <summary>
    /// <c>date-time</c>: an RFC 3339 §5.6 <c>date-time</c> such as <c>1985-04-12T23:20:50.52Z</c>.
    /// </summary>
    /// <remarks>
    /// The separator is <c>T</c> or <c>t</c> (not a space); the offset is <c>Z</c>, <c>z</c> or
    /// <c>±hh:mm</c>. A leap second (<c>:60</c>) is accepted only where the time, moved to UTC by its
    /// offset, is 23:59; the calendar date of a leap second is not checked, since leap seconds are
    /// announced, not computed.
    /// </remarks>
    public static bool IsDateTime(ReadOnlySpan<char> value)
        => value.Length > 11
            && IsFullDate(value[..10])
            && (value[10] == 'T' || value[10] == 't')
            && IsTime(value[11..]);

    /// <summary><c>date</c>: an RFC 3339 <c>full-date</c>, <c>yyyy-mm-dd</c>, with the day valid for its month and year.</summary>
    public static bool IsDate(ReadOnlySpan<char> value) => value.Length == 10 && IsFullDate(value);

    /// <summary>
    /// <c>time</c>: an RFC 3339 <c>full-time</c>, <c>hh:mm:ss[.fraction]</c> followed by <c>Z</c> or
    /// <c>±hh:mm</c>; the offset is required. Leap seconds as for <see cref="IsDateTime"/>.
    /// </summary>
    public static bool IsTime(ReadOnlySpan<char> value)
    {
        if (value.Length < 9
            || !TryReadTwoDigits(value, 0, out int hour) || value[2] != ':'
            || !TryReadTwoDigits(value, 3, out int minute) || value[5] != ':'
            || !TryReadTwoDigits(value, 6, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int i = 8;
        if (value[i] == '.')
        {
            int digits = ++i;
            while (i < value.Length && IsDigit(value[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i == value.Length)
        {
            return false;
        }

        int offsetMinutes;
        char sign = value[i];
        if (sign == 'Z' || sign == 'z')
        {
            if (i + 1 != value.Length)
            {
                return false;
            }

            offsetMinutes = 0;
        }
        else if (sign == '+' || sign == '-')
        {
            if (value.Length - i != 6
                || !TryReadTwoDigits(value, i + 1, out int offsetHour) || value[i + 3] != ':'
                || !TryReadTwoDigits(value, i + 4, out int offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (sign == '-')
            {
                offsetMinutes = -offsetMinutes;
            }
        }
        else
        {
            return false;
        }

        if (second == 60)
        {
            // Local time is UTC plus the offset; a leap second happens at 23:59:60 UTC.
            int utcMinuteOfDay = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            return utcMinuteOfDay == (23 * 60) + 59;
        }

        return true;
    }

    /// <summary>
    /// <c>duration</c>: the ISO 8601 duration grammar of RFC 3339 Appendix A, such as
    /// <c>P1Y2M3DT4H5M6S</c> or <c>P2W</c>.
    /// </summary>
    /// <remarks>
    /// Components are whole numbers (no fractions) of any length; the units of each part must be
    /// adjacent in order (<c>P1Y2D</c> skips the months and is invalid), weeks stand alone, and at
    /// least one component is required. Designators match case-insensitively, as ABNF literals do.
    /// </remarks>
    public static bool IsDuration(ReadOnlySpan<char> value)
    {
        if (value.Length < 3 || (value[0] | 0x20) != 'p')
        {
            return false;
        }

        int i = 1;
        int previousUnit = -1;
        bool any = false;
        while (i < value.Length && (value[i] | 0x20) != 't')
        {
            if (!TryReadDurationComponent(value, ref i, out char unit))
            {
                return false;
            }

            if (unit == 'w')
            {
                return !any && i == value.Length;
            }

            int index = unit switch { 'y' => 0, 'm' => 1, 'd' => 2, _ => -1 };
            if (index < 0 || (previousUnit >= 0 && index != previousUnit + 1))
            {
                return false;
            }

            previousUnit = index;
            any = true;
        }

        if (i < value.Length)
        {
            i++; // the time designator
            if (i == value.Length)
            {
                return false;
            }

            previousUnit = -1;
            while (i < value.Length)
            {
                if (!TryReadDurationComponent(value, ref i, out char unit))
                {
                    return false;
                }

                int index = unit switch { 'h' => 0, 'm' => 1, 's' => 2, _ => -1 };
                if (index < 0 || (previousUnit >= 0 && index != previousUnit + 1))
                {
                    return false;
                }

                previousUnit = index;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Reads <c>1*DIGIT</c> and a unit letter, which it returns in lower case.</summary>
    private static bool TryReadDurationComponent(ReadOnlySpan<char> value, ref int i, out char unit)
    {
        int start = i;
        while (i < value.Length && IsDigit(value[i]))
        {
            i++;
        }

        if (i == start || i == value.Length || !char.IsAsciiLetter(value[i]))
        {
            unit = '\0';
            return false;
        }

        unit = (char)(value[i] | 0x20);
        i++;
        return true;
    }

    private static bool IsFullDate(ReadOnlySpan<char> value)
    {
        if (!TryReadTwoDigits(value, 0, out int century) || !TryReadTwoDigits(value, 2, out int yearOfCentury)
            || value[4] != '-' || !TryReadTwoDigits(value, 5, out int month)
            || value[7] != '-' || !TryReadTwoDigits(value, 8, out int day))
        {
            return false;
        }

        if (month < 1 || month > 12 || day < 1)
        {
            return false;
        }

        int year = (century * 100) + yearOfCentury;
        int daysInMonth = month switch
        {
            2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return day <= daysInMonth;
    }

    private static bool TryReadTwoDigits(ReadOnlySpan<char> s, int index, out int value)
    {
        if (index + 1 < s.Length && IsDigit(s[index]) && IsDigit(s[index + 1]))
        {
            value = ((s[index] - '0') * 10) + (s[index + 1] - '0');
            return true;
        }

        value = 0;
        return false;
    }
}
