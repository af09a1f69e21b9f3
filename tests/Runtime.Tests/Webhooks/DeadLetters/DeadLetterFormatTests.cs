using System;
using System.Linq;
using System.Text;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.DeadLetters;

public sealed class DeadLetterFormatTests
{
    internal static DeadLetter RandomLetter(Random random, int maxBody = 2_000)
    {
        var body = new byte[random.Next(0, maxBody)];
        random.NextBytes(body);
        string? Text(int max) => random.Next(4) == 0 ? null : new string(Enumerable.Range(0, random.Next(0, max)).Select(_ => (char)random.Next(1, 0xD7FF)).ToArray());
        return new DeadLetter(
            Guid.NewGuid().ToString("N"),
            new DateTimeOffset(random.NextInt64(DateTimeOffset.UnixEpoch.UtcTicks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks), TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60))),
            (DeadLetterReason)random.Next(1, 6),
            Text(300) ?? string.Empty,
            Text(40),
            Text(40),
            body);
    }

    [Fact]
    public void Random_letters_read_back_exactly_body_bytes_included()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 500; i++)
        {
            var letter = RandomLetter(random);

            Assert.True(DeadLetterFormat.TryRead(DeadLetterFormat.Write(letter), out var read));

            Assert.Equal((letter.Id, letter.ReceivedAt, letter.ReceivedAt.Offset, letter.Reason, letter.Detail, letter.EventType, letter.EventId), (read!.Id, read.ReceivedAt, read.ReceivedAt.Offset, read.Reason, read.Detail, read.EventType, read.EventId));
            Assert.True(letter.Body.Span.SequenceEqual(read.Body.Span));
        }
    }

    [Fact]
    public void A_truncated_or_mutated_record_is_refused_or_read_whole_and_never_throws()
    {
        var random = new Random(7);
        for (var i = 0; i < 3_000; i++)
        {
            var bytes = DeadLetterFormat.Write(RandomLetter(random, 200));
            var mutated = random.Next(3) switch
            {
                0 => bytes[..random.Next(bytes.Length)],
                1 => Flip(bytes, random),
                _ => bytes.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => (byte)random.Next(256))).ToArray(),
            };

            if (DeadLetterFormat.TryRead(mutated, out var read))
            {
                Assert.NotNull(read);
                var newline = Array.IndexOf(mutated, (byte)'\n');
                Assert.Equal(mutated.Length - newline - 1, read!.Body.Length);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("no newline")]
    [InlineData("{}\n")]
    [InlineData("[1]\nbody")]
    [InlineData("{\"version\":1,\"id\":\"a\",\"receivedAt\":\"2024-01-01T00:00:00.0000000+00:00\",\"reason\":\"Nope\",\"detail\":\"\",\"bodyLength\":0}\n")]
    [InlineData("{\"version\":1,\"id\":\"a\",\"receivedAt\":\"2024-01-01T00:00:00.0000000+00:00\",\"reason\":\"InvalidPayload\",\"detail\":\"\",\"bodyLength\":5}\nabc")]
    [InlineData("{\"version\":1,\"id\":\"\\ud800\",\"receivedAt\":\"2024-01-01T00:00:00.0000000+00:00\",\"reason\":\"InvalidPayload\",\"detail\":\"\",\"bodyLength\":0}\n")]
    public void Records_that_are_not_whole_letters_are_refused(string text)
    {
        Assert.False(DeadLetterFormat.TryRead(Encoding.UTF8.GetBytes(text), out var letter));
        Assert.Null(letter);
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }
}
