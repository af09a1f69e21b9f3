using System.Threading.Tasks;

namespace Hooksmith.Redis;

/// <summary>A completion or release of a claim that Redis has not taken yet; see <see cref="PendingClaimWrites"/>.</summary>
/// <param name="Kind">What is written.</param>
/// <param name="Key">The deduplication key (without the store's prefix).</param>
/// <param name="Token">The claim's token.</param>
/// <param name="Deadline">The <see cref="System.Diagnostics.Stopwatch"/> timestamp after which the write no longer matters.</param>
/// <param name="After">A command that must have ended before the write is tried, or <see langword="null"/>.</param>
internal sealed record PendingClaimWrite(PendingClaimWriteKind Kind, string Key, string Token, long Deadline, Task? After)
{
    /// <summary>Answers <see langword="true"/> once the write is made, <see langword="false"/> when it was dropped.</summary>
    public TaskCompletionSource<bool> Made { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
