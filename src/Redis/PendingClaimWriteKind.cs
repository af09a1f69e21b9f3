namespace Hooksmith.Redis;

/// <summary>What a <see cref="PendingClaimWrite"/> writes.</summary>
internal enum PendingClaimWriteKind
{
    /// <summary>The event was handled: <c>SET key done PX {retention}</c>.</summary>
    Complete,

    /// <summary>The claim is given up: <c>DEL key</c> while it holds <c>inprogress:{token}</c>.</summary>
    Abandon,
}
