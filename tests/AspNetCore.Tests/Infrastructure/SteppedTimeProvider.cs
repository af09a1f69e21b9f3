using System;
using System.Threading;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>A clock that moves only when told, for wall clock and timestamps alike.</summary>
internal sealed class SteppedTimeProvider : TimeProvider
{
    private long _ticks = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
