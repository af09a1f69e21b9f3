using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.DeadLetters;

public sealed class FileSystemDeadLetterStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hooksmith-dead-letters-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static DeadLetter Letter(int n, int bodyLength = 100)
        => new($"letter{n:D4}", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + n), DeadLetterReason.InvalidPayload, $"detail {n}", "customer.order.updated", $"evt_{n}", Enumerable.Repeat((byte)('a' + (n % 26)), bodyLength).ToArray());

    [Fact]
    public async Task Letters_outlive_the_store_and_come_back_oldest_first_byte_for_byte()
    {
        var random = new Random(11);
        var letters = Enumerable.Range(0, 40).Select(_ => DeadLetterFormatTests.RandomLetter(random)).ToList();
        var store = new FileSystemDeadLetterStore(_folder);
        foreach (var letter in letters)
        {
            Assert.True(await store.StoreAsync(letter));
        }

        var reopened = new FileSystemDeadLetterStore(_folder);
        var listed = await reopened.ListAsync();

        Assert.Equal(letters.OrderBy(l => l.ReceivedAt.UtcTicks).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => l.Id), listed.Select(l => l.Id));
        foreach (var read in listed)
        {
            var written = letters.Single(l => l.Id == read.Id);
            Assert.True(written.Body.Span.SequenceEqual(read.Body.Span));
            Assert.Equal((written.Reason, written.Detail, written.EventType, written.EventId, written.ReceivedAt), (read.Reason, read.Detail, read.EventType, read.EventId, read.ReceivedAt));
        }

        Assert.Equal(40, reopened.Count);
        Assert.Equal(Directory.EnumerateFiles(_folder).Sum(f => new FileInfo(f).Length), reopened.Bytes);
    }

    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(7, 3_000)]
    [InlineData(13, 50_000)]
    public async Task The_byte_bound_refuses_what_would_pass_it_and_room_comes_back_on_removal(int seed, long maxBytes)
    {
        var random = new Random(seed);
        var store = new FileSystemDeadLetterStore(_folder, new FileSystemDeadLetterStoreOptions { MaxBytes = maxBytes });
        var stored = 0;
        for (var i = 0; i < 200; i++)
        {
            var before = store.Bytes;
            var letter = Letter(i, random.Next(0, 2_000));
            var size = DeadLetterFormat.Write(letter).Length;
            var accepted = await store.StoreAsync(letter);
            Assert.Equal(before + size <= maxBytes, accepted);
            stored += accepted ? 1 : 0;
            Assert.True(store.Bytes <= maxBytes);
        }

        Assert.Equal(stored, (await store.ListAsync()).Count);
        var first = (await store.ListAsync())[0];
        var freed = store.Bytes;
        Assert.True(await store.RemoveAsync(first.Id));
        Assert.False(await store.RemoveAsync(first.Id));
        Assert.True(store.Bytes < freed);
    }

    [Fact]
    public async Task The_count_bound_refuses_the_letter_past_it()
    {
        var store = new FileSystemDeadLetterStore(_folder, new FileSystemDeadLetterStoreOptions { MaxLetters = 3 });

        Assert.True(await store.StoreAsync(Letter(1)));
        Assert.True(await store.StoreAsync(Letter(2)));
        Assert.True(await store.StoreAsync(Letter(3)));
        Assert.False(await store.StoreAsync(Letter(4)));
        Assert.Equal(3, (await store.ListAsync()).Count);
    }

    [Fact]
    public async Task Another_store_on_the_folder_sees_the_letters_and_its_removals_free_room()
    {
        var server = new FileSystemDeadLetterStore(_folder, new FileSystemDeadLetterStoreOptions { MaxLetters = 2 });
        Assert.True(await server.StoreAsync(Letter(1)));
        Assert.True(await server.StoreAsync(Letter(2)));
        Assert.False(await server.StoreAsync(Letter(3)));

        var tool = new FileSystemDeadLetterStore(_folder);
        Assert.Equal(["letter0001", "letter0002"], (await tool.ListAsync()).Select(l => l.Id));
        Assert.True(await tool.RemoveAsync("letter0001"));

        Assert.True(await server.StoreAsync(Letter(3)));
    }

    [Fact]
    public async Task What_a_crash_leaves_half_written_is_cleared_and_a_damaged_file_is_counted_not_read()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, ".tmp-letter0009-0123"), "{\"version\":1,");
        await File.WriteAllTextAsync(Path.Combine(_folder, "0638000000000000000-broken.letter"), "not a letter");

        var store = new FileSystemDeadLetterStore(_folder);
        Assert.True(await store.StoreAsync(Letter(1)));
        var listed = await store.ListAsync();

        Assert.Equal("letter0001", Assert.Single(listed).Id);
        Assert.Equal(1, store.UnreadableFiles);
        Assert.False(File.Exists(Path.Combine(_folder, ".tmp-letter0009-0123")));
        Assert.True(File.Exists(Path.Combine(_folder, "0638000000000000000-broken.letter")));
    }

    [Fact]
    public async Task Concurrent_writers_lose_nothing_and_keep_the_bound()
    {
        var store = new FileSystemDeadLetterStore(_folder, new FileSystemDeadLetterStoreOptions { MaxLetters = 150 });

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () => await store.StoreAsync(Letter(i)))));

        Assert.Equal(150, results.Count(r => r));
        Assert.Equal(150, (await new FileSystemDeadLetterStore(_folder).ListAsync()).Count);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("name with spaces")]
    public async Task An_id_that_is_not_a_safe_file_name_is_refused_and_removes_nothing(string id)
    {
        var store = new FileSystemDeadLetterStore(_folder);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.StoreAsync(Letter(1) with { Id = id }));
        Assert.False(await store.RemoveAsync(id));
    }
}
