using System;
using System.Linq;
using System.Threading.Tasks;
using Hooksmith.Redis.Tests.Infrastructure;
using Hooksmith.Webhooks;

namespace Hooksmith.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisDeadLetterStoreTests(RedisServerFixture redis)
{
    private readonly string _prefix = "test:" + Guid.NewGuid().ToString("N") + ":";

    private RedisDeadLetterStore Store(long maxBytes = 1L << 20, int maxLetters = 1_000)
        => new(redis.Connection, new RedisDeadLetterStoreOptions { KeyPrefix = _prefix, MaxBytes = maxBytes, MaxLetters = maxLetters, OperationTimeout = TimeSpan.FromSeconds(30) });

    private static DeadLetter Letter(Random random, int n)
    {
        var body = new byte[random.Next(0, 3_000)];
        random.NextBytes(body);
        return new DeadLetter($"l{n:D4}", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + random.Next(0, 100_000)), DeadLetterReason.ProcessingFailed, $"detail {n}", "balancePlatform.transfer.created", null, body);
    }

    [Fact]
    public async Task Letters_are_shared_by_instances_and_come_back_oldest_first_byte_for_byte()
    {
        var random = new Random(3);
        var letters = Enumerable.Range(0, 30).Select(n => Letter(random, n)).ToList();
        var first = Store();
        foreach (var letter in letters)
        {
            Assert.True(await first.StoreAsync(letter));
        }

        var listed = await Store().ListAsync();

        Assert.Equal(letters.OrderBy(l => l.ReceivedAt.UtcTicks).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => l.Id), listed.Select(l => l.Id));
        Assert.All(listed, read => Assert.True(letters.Single(l => l.Id == read.Id).Body.Span.SequenceEqual(read.Body.Span)));
    }

    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(2, 20_000)]
    public async Task The_byte_bound_holds_across_instances_and_removal_frees_room(int seed, long maxBytes)
    {
        var random = new Random(seed);
        var stores = new[] { Store(maxBytes), Store(maxBytes) };
        var accepted = await Task.WhenAll(Enumerable.Range(0, 60).Select(n => stores[n % 2].StoreAsync(Letter(random, n)).AsTask()));

        var listed = await stores[0].ListAsync();
        Assert.Equal(accepted.Count(a => a), listed.Count);
        Assert.True(listed.Sum(l => DeadLetterFormat.Write(l).Length) <= maxBytes);
        Assert.Equal(listed.Sum(l => (long)DeadLetterFormat.Write(l).Length), (long)await redis.Database.StringGetAsync(_prefix + "bytes"));

        Assert.True(await stores[1].RemoveAsync(listed[0].Id));
        Assert.False(await stores[0].RemoveAsync(listed[0].Id));
        Assert.Equal(listed.Count - 1, (await stores[0].ListAsync()).Count);
    }

    [Fact]
    public async Task The_count_bound_refuses_the_letter_past_it_and_an_id_is_stored_once()
    {
        var random = new Random(5);
        var store = Store(maxLetters: 2);

        Assert.True(await store.StoreAsync(Letter(random, 1)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.StoreAsync(Letter(random, 1)));
        Assert.True(await store.StoreAsync(Letter(random, 2)));
        Assert.False(await store.StoreAsync(Letter(random, 3)));
    }
}
