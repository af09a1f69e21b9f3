using System;
using System.Threading;

namespace Hooksmith.AspNetCore;

/// <summary>
/// Lets one message of a kind through per interval and counts the ones held back, so that a flood of the same
/// warning costs one log line per interval. Anyone without the secret can send bad signatures, as fast as the
/// network allows: logging each would let them fill the disk. The metrics stay exact; only the log is aggregated.
/// </summary>
/// <remarks>
/// Lock-free: the first caller after the interval ends wins a compare-and-swap on the next deadline and logs, with
/// the number held back since the last message. What is held back at the end of a burst is told with the next
/// message of its kind.
/// </remarks>
internal sealed class IntervalLogGate(TimeProvider timeProvider)
{
    private long _nextTimestamp = long.MinValue;
    private long _heldBack;

    /// <summary>Whether to log this occurrence now.</summary>
    /// <param name="interval">The shortest time between two messages; zero or less lets every one through.</param>
    /// <param name="heldBack">When the answer is true: how many occurrences were held back since the last message.</param>
    public bool TryPass(TimeSpan interval, out long heldBack)
    {
        heldBack = 0;
        if (interval <= TimeSpan.Zero)
        {
            return true;
        }

        var now = timeProvider.GetTimestamp();
        var next = Volatile.Read(ref _nextTimestamp);
        if (now >= next)
        {
            var ticks = (long)Math.Min(long.MaxValue / 2, interval.TotalSeconds * timeProvider.TimestampFrequency);
            if (Interlocked.CompareExchange(ref _nextTimestamp, now + ticks, next) == next)
            {
                heldBack = Interlocked.Exchange(ref _heldBack, 0);
                return true;
            }
        }

        Interlocked.Increment(ref _heldBack);
        return false;
    }
}
