using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using StackExchange.Redis;

namespace Hooksmith.Redis;

/// <summary>
/// Dead letters kept in Redis, shared by every receiver instance that uses the same key prefix, and bounded by bytes
/// and by count.
/// </summary>
/// <remarks>
/// Each letter is one Redis string (<c>{prefix}letter:{id}</c>, in <see cref="DeadLetterFormat"/>), listed in a sorted
/// set by the time it was received (<c>{prefix}index</c>), with the bytes in use in <c>{prefix}bytes</c>. Storing and
/// removing are single scripts, so the bounds hold with any number of instances. How durable a letter is, is Redis's
/// persistence: with <c>appendonly yes</c> and <c>appendfsync always</c>, a letter stored is on disk.
/// </remarks>
public sealed class RedisDeadLetterStore : IWebhookDeadLetterStore
{
    // KEYS: index, letter, bytes. ARGV: the letter, its score, its id, its size, max bytes, max letters.
    private const string StoreScript = """
        local size = tonumber(ARGV[4])
        local used = tonumber(redis.call('GET', KEYS[3]) or '0')
        if used + size > tonumber(ARGV[5]) or redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[6]) then
          return 0
        end
        if redis.call('SET', KEYS[2], ARGV[1], 'NX') == false then
          return -1
        end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
        redis.call('INCRBY', KEYS[3], size)
        return 1
        """;

    // KEYS: index, letter, bytes. ARGV: the id.
    private const string RemoveScript = """
        local size = redis.call('STRLEN', KEYS[2])
        redis.call('ZREM', KEYS[1], ARGV[1])
        if size == 0 then
          return 0
        end
        redis.call('DEL', KEYS[2])
        redis.call('DECRBY', KEYS[3], size)
        return 1
        """;

    private readonly IDatabase _database;
    private readonly string _prefix;
    private readonly long _maxBytes;
    private readonly int _maxLetters;
    private readonly TimeSpan _operationTimeout;

    /// <summary>Creates a store on a Redis connection (which the caller owns and shares).</summary>
    /// <param name="connection">The connection to Redis.</param>
    /// <param name="options">The prefix, bounds and timeout; defaults when omitted. Copied now.</param>
    /// <param name="database">The Redis database number; <c>-1</c> is the connection's default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound or the timeout is not positive.</exception>
    public RedisDeadLetterStore(IConnectionMultiplexer connection, RedisDeadLetterStoreOptions? options = null, int database = -1)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new RedisDeadLetterStoreOptions();
        ArgumentNullException.ThrowIfNull(options.KeyPrefix, nameof(options.KeyPrefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1, nameof(options.MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLetters, 1, nameof(options.MaxLetters));
        if (options.OperationTimeout <= TimeSpan.Zero && options.OperationTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options.OperationTimeout), options.OperationTimeout, "The operation timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }

        _database = connection.GetDatabase(database);
        _prefix = options.KeyPrefix;
        _maxBytes = options.MaxBytes;
        _maxLetters = options.MaxLetters;
        _operationTimeout = options.OperationTimeout;
    }

    private RedisKey Index => _prefix + "index";

    private RedisKey BytesKey => _prefix + "bytes";

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A letter with the same id is stored already.</exception>
    /// <exception cref="RedisException">Redis could not be reached or answered with an error.</exception>
    /// <exception cref="TimeoutException">Redis did not answer within the operation timeout.</exception>
    public async ValueTask<bool> StoreAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = DeadLetterFormat.Write(letter);
        var result = (long)await Bounded(_database.ScriptEvaluateAsync(
            StoreScript,
            [Index, LetterKey(letter.Id), BytesKey],
            [bytes, letter.ReceivedAt.UtcTicks, letter.Id, bytes.Length, _maxBytes, _maxLetters])).ConfigureAwait(false);
        return result switch
        {
            1 => true,
            0 => false,
            _ => throw new InvalidOperationException($"A dead letter with the id '{letter.Id}' is stored already."),
        };
    }

    /// <inheritdoc/>
    /// <remarks>Values under the prefix that are not letters are left out.</remarks>
    public async ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ids = await Bounded(_database.SortedSetRangeByRankAsync(Index)).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await Bounded(_database.StringGetAsync(ids.Select(id => LetterKey(id.ToString())).ToArray())).ConfigureAwait(false);
        var letters = new List<DeadLetter>(values.Length);
        foreach (var value in values)
        {
            if (!value.IsNull && DeadLetterFormat.TryRead((byte[])value!, out var letter))
            {
                letters.Add(letter!);
            }
        }

        return letters;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = (long)await Bounded(_database.ScriptEvaluateAsync(RemoveScript, [Index, LetterKey(id), BytesKey], [id])).ConfigureAwait(false);
        return removed == 1;
    }

    private RedisKey LetterKey(string id) => _prefix + "letter:" + id;

    private Task<T> Bounded<T>(Task<T> command)
        => _operationTimeout == Timeout.InfiniteTimeSpan ? command : command.WaitAsync(_operationTimeout);
}
