using System;

namespace Hooksmith.Redis;

/// <summary>Settings of a <see cref="RedisDeadLetterStore"/>; read once, when the store is created.</summary>
public sealed class RedisDeadLetterStoreOptions
{
    /// <summary>The prefix used when <see cref="KeyPrefix"/> is not set: <c>hooksmith:deadletters:</c>.</summary>
    public const string DefaultKeyPrefix = "hooksmith:deadletters:";

    /// <summary>Put before the store's keys; give each endpoint its own. Default: <see cref="DefaultKeyPrefix"/>.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>The most bytes the letters may take (headers included). Default: 256 MiB.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most letters kept. Default: 100 000.</summary>
    public int MaxLetters { get; set; } = 100_000;

    /// <summary>How long one call waits for Redis before failing with a <see cref="TimeoutException"/>. Default: 500 ms.</summary>
    public TimeSpan OperationTimeout { get; set; } = RedisDeduplicationStoreOptions.DefaultOperationTimeout;
}
