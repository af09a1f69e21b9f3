using System;
using System.Linq;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.DeadLetters;

public sealed class InMemoryDeadLetterStoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Bodies_are_bounded_by_bytes_as_well_as_by_count(int seed)
    {
        var random = new Random(seed);
        var maxBytes = random.Next(1_000, 20_000);
        var store = new InMemoryDeadLetterStore(capacity: 1_000, maxBytes: maxBytes);
        for (var i = 0; i < 300; i++)
        {
            var before = store.Bytes;
            var body = new byte[random.Next(0, 1_500)];
            var accepted = await store.StoreAsync(new DeadLetter($"l{i}", DateTimeOffset.UnixEpoch, DeadLetterReason.MalformedBody, "", null, null, body));
            Assert.Equal(before + body.Length <= maxBytes, accepted);
        }

        Assert.Equal((await store.ListAsync()).Sum(l => l.Body.Length), store.Bytes);
        var first = (await store.ListAsync())[0];
        var bytes = store.Bytes;
        Assert.True(await store.RemoveAsync(first.Id));
        Assert.Equal(bytes - first.Body.Length, store.Bytes);
    }
}
