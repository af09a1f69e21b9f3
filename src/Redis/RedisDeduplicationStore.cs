using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using StackExchange.Redis;

namespace Hooksmith.Redis;

/// <summary>
/// An <see cref="IWebhookDeduplicationStore"/> kept in Redis, so that every receiver instance that
/// talks to the same Redis (and uses the same key prefix) processes each event once.
/// </summary>
/// <remarks>
/// <para>
/// Each deduplication key is one Redis string at <see cref="RedisDeduplicationStoreOptions.KeyPrefix"/>
/// followed by the key, and each step of the protocol is one atomic command:
/// </para>
/// <list type="bullet">
/// <item><description><see cref="TryBeginAsync"/> runs a script that does
/// <c>SET key inprogress:{token} NX PX {lease}</c> and, when the key was there already, returns its
/// value: <c>done</c> answers <see cref="DeduplicationStatus.AlreadyProcessed"/>, another
/// <c>inprogress:…</c> answers <see cref="DeduplicationStatus.InProgress"/>. The token is 16 random
/// bytes in hex, so no other attempt can guess it.</description></item>
/// <item><description><see cref="CompleteAsync"/> sets the key to <c>done</c> with the retention as its
/// expiry, whoever holds the key (<c>SET key done PX {retention}</c>, which StackExchange.Redis sends
/// as the equivalent <c>PSETEX</c>, or <c>SETEX</c> for whole seconds).</description></item>
/// <item><description><see cref="AbandonAsync"/> runs a script that deletes the key only while its
/// value is still this claim's <c>inprogress:{token}</c>.</description></item>
/// </list>
/// <para>
/// Expiry is Redis's: the lease and the retention are measured by the Redis server's clock, so the
/// receivers' clocks do not matter. The store is safe for concurrent use; the only state it holds is the writes
/// Redis has not taken yet (below).
/// </para>
/// <para>
/// <b>Failures.</b> When Redis cannot be reached, times out or answers with an error, the call fails with the
/// exception StackExchange.Redis throws
/// (<see cref="RedisConnectionException"/>, <see cref="RedisTimeoutException"/>,
/// <see cref="RedisServerException"/>, all <see cref="RedisException"/>s), or with a <see cref="TimeoutException"/>
/// when no answer came within <see cref="RedisDeduplicationStoreOptions.OperationTimeout"/>. A receiver turns that into
/// a 5xx answer, so the provider delivers the event again later. A key that holds data this store
/// never writes (another application's, under the same prefix) fails the call too: a string with an
/// <see cref="InvalidOperationException"/>, any other type with Redis's <c>WRONGTYPE</c> error.
/// </para>
/// <para>
/// <b>What is not lost when Redis goes away.</b> A completion Redis did not take is kept and written again in the
/// background as soon as Redis answers (see <see cref="RedisDeduplicationStoreOptions.CompletionWait"/> for how long
/// <see cref="CompleteAsync"/> waits for it), and until it is written this store answers
/// <see cref="DeduplicationStatus.AlreadyProcessed"/> for that key itself. A claim whose <see cref="TryBeginAsync"/> or
/// <see cref="AbandonAsync"/> failed is released in the background by its token once the command has ended (it may
/// have reached Redis without its answer coming back), so that the event's retries are not held back for the lease.
/// Both live in this process: a process that dies first leaves the claim to expire with its lease.
/// </para>
/// <para>
/// <b>First call.</b> The constructor loads the store's scripts into every connected server in the background
/// (<see cref="WarmUpAsync"/>), so that the first delivery does not pay for compiling them, nor for the client's first
/// script call, within its <see cref="RedisDeduplicationStoreOptions.OperationTimeout"/>.
/// </para>
/// <para>
/// <b>Cancellation.</b> StackExchange.Redis commands take no <see cref="CancellationToken"/>. The
/// token is therefore checked before the command is sent: a call whose token is already cancelled
/// throws <see cref="OperationCanceledException"/> and changes nothing in Redis. Once sent, a command
/// is awaited until it ends or <see cref="RedisDeduplicationStoreOptions.OperationTimeout"/> passes (then a
/// <see cref="TimeoutException"/>), not abandoned at the token, because a caller that stopped waiting could not know
/// whether it had taken a claim, completed or released it.
/// </para>
/// </remarks>
public sealed class RedisDeduplicationStore : IWebhookDeduplicationStore
{
    private const string InProgressPrefix = "inprogress:";
    private const string Done = "done";

    // KEYS[1] the key, ARGV[1] "inprogress:{token}", ARGV[2] the lease in milliseconds.
    // Returns the key's value after the call: ARGV[1] when this call took the key. Redis runs a script
    // atomically and with its clock frozen, so the key cannot expire between the SET and the GET.
    private const string BeginScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return ARGV[1]
        end
        return redis.call('GET', KEYS[1])
        """;

    // KEYS[1] the key, ARGV[1] "inprogress:{token}". Deletes the key only while it holds that claim.
    private const string AbandonScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly IDatabase _database;
    private readonly string _keyPrefix;
    private readonly long _leaseMilliseconds;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeSpan _completionWait;
    private readonly PendingClaimWrites _pending;
    private readonly Task<bool> _warmUp;

    /// <summary>Creates a store on a Redis connection.</summary>
    /// <param name="connection">
    /// The connection to Redis. The caller owns it: the store neither disposes it nor changes its
    /// settings, and one connection is meant to be shared by the whole application.
    /// </param>
    /// <param name="options">Lease, retention and key prefix; defaults when omitted. Copied now.</param>
    /// <param name="database">The Redis database number; <c>-1</c> (the default) is the connection's default database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or the key prefix is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lease, retention, operation timeout or completion wait is not positive, or <paramref name="database"/> is below <c>-1</c>.</exception>
    public RedisDeduplicationStore(IConnectionMultiplexer connection, RedisDeduplicationStoreOptions? options = null, int database = -1)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new RedisDeduplicationStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Lease, TimeSpan.Zero, nameof(options.Lease));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Retention, TimeSpan.Zero, nameof(options.Retention));
        ArgumentNullException.ThrowIfNull(options.KeyPrefix, nameof(options.KeyPrefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(database, -1);
        if (options.OperationTimeout <= TimeSpan.Zero && options.OperationTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options.OperationTimeout), options.OperationTimeout, "The operation timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }

        if (options.CompletionWait <= TimeSpan.Zero && options.CompletionWait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options.CompletionWait), options.CompletionWait, "The completion wait must be positive, or Timeout.InfiniteTimeSpan.");
        }

        _database = connection.GetDatabase(database);
        _keyPrefix = options.KeyPrefix;
        _operationTimeout = options.OperationTimeout;
        _leaseMilliseconds = RoundUpToMilliseconds(options.Lease).Ticks / TimeSpan.TicksPerMillisecond;
        _retention = RoundUpToMilliseconds(options.Retention);
        _completionWait = options.CompletionWait;
        _pending = new PendingClaimWrites(WritePendingAsync);
        _warmUp = WarmUpCoreAsync(connection);
    }

    /// <summary>How many completions and releases Redis has not taken yet (they are being retried).</summary>
    public int PendingWrites => _pending.Count;

    /// <summary>
    /// The loading of the store's scripts into every connected server, which the constructor starts: await it at host
    /// start to take traffic only once it is done. Answers whether every server took them; never throws (a store whose
    /// scripts are not loaded still works, its first call sends them).
    /// </summary>
    public Task<bool> WarmUpAsync() => _warmUp;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see langword="null"/> or empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the command was sent.</exception>
    /// <exception cref="RedisException">Redis could not be reached, timed out or answered with an error.</exception>
    /// <exception cref="TimeoutException">Redis did not answer within the operation timeout.</exception>
    /// <exception cref="InvalidOperationException">The Redis key holds a value this store does not write.</exception>
    public async ValueTask<DeduplicationClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();

        if (_pending.IsCompleting(key))
        {
            // This process handled the event and Redis has not taken the completion yet.
            return new DeduplicationClaim(key, DeduplicationStatus.AlreadyProcessed);
        }

        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var claimValue = InProgressPrefix + token;
        var command = _database.ScriptEvaluateAsync(BeginScript, [RedisKeyOf(key)], [claimValue, _leaseMilliseconds]);
        RedisResult result;
        try
        {
            result = await Bounded(command).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The claim may be taken all the same (the answer was lost, or the command runs late): the caller answers
            // non-2xx, so the provider retries, and that retry must not find the event held by nobody until the lease.
            _ = _pending.Add(new PendingClaimWrite(PendingClaimWriteKind.Abandon, key, token, Deadline(TimeSpan.FromMilliseconds(_leaseMilliseconds)), command));
            throw;
        }

        var value = result.IsNull ? null : (string?)result;
        if (string.Equals(value, claimValue, StringComparison.Ordinal))
        {
            return new DeduplicationClaim(key, DeduplicationStatus.Began, token);
        }

        if (string.Equals(value, Done, StringComparison.Ordinal))
        {
            return new DeduplicationClaim(key, DeduplicationStatus.AlreadyProcessed);
        }

        if (value is not null && value.StartsWith(InProgressPrefix, StringComparison.Ordinal))
        {
            return new DeduplicationClaim(key, DeduplicationStatus.InProgress);
        }

        throw new InvalidOperationException(
            $"The Redis key '{_keyPrefix}{key}' holds a value the deduplication store does not write; " +
            "give the store a key prefix no other data uses.");
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim did not begin processing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the command was sent.</exception>
    /// <exception cref="RedisException">Redis could not be reached, timed out or answered with an error.</exception>
    /// <exception cref="TimeoutException">Redis did not answer within the operation timeout.</exception>
    public async ValueTask CompleteAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
    {
        EnsureBegun(claim);
        cancellationToken.ThrowIfCancellationRequested();

        try
        {
            await Bounded(WriteDone(claim.Key)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The handler ran: the completion must reach Redis, or a delivery after the lease runs it again.
            var write = _pending.Add(new PendingClaimWrite(PendingClaimWriteKind.Complete, claim.Key, claim.Token!, Deadline(_retention), After: null));
            if (write is null)
            {
                throw;
            }

            bool made;
            try
            {
                made = await write.WaitAsync(_completionWait).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(
                    $"Redis did not take the completion of '{claim.Key}' within {_completionWait.TotalMilliseconds:0} ms; it is written again " +
                    "as soon as Redis answers, and until then this store answers AlreadyProcessed for the key.",
                    exception);
            }

            if (!made)
            {
                throw;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim did not begin processing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the command was sent.</exception>
    /// <exception cref="RedisException">Redis could not be reached, timed out or answered with an error.</exception>
    /// <exception cref="TimeoutException">Redis did not answer within the operation timeout.</exception>
    public async ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
    {
        EnsureBegun(claim);
        cancellationToken.ThrowIfCancellationRequested();

        try
        {
            await Bounded(ReleaseClaim(claim.Key, claim.Token!)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Released later, so that the provider's retry does not wait for the lease.
            _ = _pending.Add(new PendingClaimWrite(PendingClaimWriteKind.Abandon, claim.Key, claim.Token!, Deadline(TimeSpan.FromMilliseconds(_leaseMilliseconds)), After: null));
            throw;
        }
    }

    private Task<bool> WriteDone(string key)
        => _database.StringSetAsync(RedisKeyOf(key), Done, new Expiration(_retention), ValueCondition.Always);

    private Task<RedisResult> ReleaseClaim(string key, string token)
        => _database.ScriptEvaluateAsync(AbandonScript, [RedisKeyOf(key)], [InProgressPrefix + token]);

    private Task WritePendingAsync(PendingClaimWrite write)
        => write.Kind == PendingClaimWriteKind.Complete ? Bounded(WriteDone(write.Key)) : Bounded(ReleaseClaim(write.Key, write.Token));

    private static long Deadline(TimeSpan from)
    {
        var ticks = Math.Min(from.TotalSeconds, TimeSpan.FromDays(3650).TotalSeconds) * Stopwatch.Frequency;
        return Stopwatch.GetTimestamp() + (long)ticks;
    }

    // SCRIPT LOAD on every connected primary: the server compiles the scripts now, and the client then sends EVALSHA.
    private static async Task<bool> WarmUpCoreAsync(IConnectionMultiplexer connection)
    {
        try
        {
            var servers = connection.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToArray();
            foreach (var server in servers)
            {
                await server.ScriptLoadAsync(BeginScript).ConfigureAwait(false);
                await server.ScriptLoadAsync(AbandonScript).ConfigureAwait(false);
            }

            return servers.Length > 0;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or NotSupportedException or ObjectDisposedException)
        {
            return false;
        }
    }

    private RedisKey RedisKeyOf(string key) => _keyPrefix + key;

    // The client's own timeouts are the connection's, shared by the whole application and seconds long (a command
    // waits in the reconnect backlog until they pass): a provider would wait that long for a 503 on every delivery
    // while Redis is away. The store's bound is its own. The command itself is not withdrawn; see OperationTimeout.
    private Task<T> Bounded<T>(Task<T> command)
        => _operationTimeout == Timeout.InfiniteTimeSpan ? command : command.WaitAsync(_operationTimeout);

    private static void EnsureBegun(DeduplicationClaim claim)
    {
        if (claim.Status != DeduplicationStatus.Began || string.IsNullOrEmpty(claim.Key) || string.IsNullOrEmpty(claim.Token))
        {
            throw new ArgumentException("Only a claim that began processing can be completed or abandoned.", nameof(claim));
        }
    }

    // Redis expiries are whole milliseconds; a fraction is rounded up so that a positive span stays
    // positive (down only within the last millisecond of TimeSpan.MaxValue, which has no room above).
    private static TimeSpan RoundUpToMilliseconds(TimeSpan span)
    {
        var whole = span.Ticks - (span.Ticks % TimeSpan.TicksPerMillisecond);
        return TimeSpan.FromTicks(whole == span.Ticks || whole > TimeSpan.MaxValue.Ticks - TimeSpan.TicksPerMillisecond
            ? whole
            : whole + TimeSpan.TicksPerMillisecond);
    }
}
