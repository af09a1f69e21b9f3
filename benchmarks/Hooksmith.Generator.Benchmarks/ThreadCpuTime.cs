using System;
using System.Runtime.InteropServices;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>). On a machine shared
/// with other builds, wall-clock time counts the time the thread waited for a core; its own CPU time does
/// not, so it shows what a step costs when the load average is high. NaN where the clock is not available.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ThreadCpuClock = 3;

    /// <summary>Milliseconds of CPU the current thread has used, or NaN.</summary>
    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        try
        {
            return clock_gettime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0) : double.NaN;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return double.NaN;
        }
    }

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SA1300 // The C function's own name.
    private static extern int clock_gettime(int clock, out Timespec time);
#pragma warning restore SA1300

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
