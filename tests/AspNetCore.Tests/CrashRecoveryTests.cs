using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>
/// A real host (the sample receiver, acknowledging after enqueue, dead letters in a folder) killed with SIGKILL in the
/// middle of a load: every delivery it answered 2xx is afterwards handled or kept as a pending letter, and a restart on
/// the same folder handles every one of those.
/// </summary>
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string DemoSecret = "hooksmith-demo-secret";
    private static readonly Regex Handled = new(@"^Webhook whs_crash_(\d+) \(customer\.order\.updated\)", RegexOptions.Compiled);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hooksmith-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static byte[] Delivery(int n)
    {
        var text = Encoding.UTF8.GetString(TestPayloads.Envelope(eventId: $"evcus_crash_{n}"))
            .Replace("whs_1e6c2f0a9b3d47c815", $"whs_crash_{n}", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private static HashSet<int> HandledIn(SampleHostProcess host)
        => host.Output.Select(line => Handled.Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [Theory]
    [InlineData(40)]
    [InlineData(400)]
    public async Task Every_delivery_answered_2xx_before_a_kill_is_handled_or_pending_and_a_restart_handles_the_pending(int killAfter)
    {
        var settings = new[] { "--Hooksmith:Acknowledge=AfterEnqueue", $"--Hooksmith:DeadLetterFolder={_folder}" };
        var acknowledged = new ConcurrentBag<int>();
        HashSet<int> handledBefore;
        await using (var host = await SampleHostProcess.StartAsync(settings))
        {
            using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
            using var killed = new CancellationTokenSource();
            var next = 0;
            var senders = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (!killed.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    if (n > 5_000)
                    {
                        return;
                    }

                    var body = Delivery(n);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/voucherify") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    request.Headers.Add(VoucherifySignatureVerifier.SignatureHeaderName, WebhookTestSigner.VoucherifySignature(body, DemoSecret));
                    try
                    {
                        using var response = await client.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add(n);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the host is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();

            while (acknowledged.Count < killAfter && senders.Any(s => !s.IsCompleted))
            {
                await Task.Delay(5);
            }

            await host.KillAsync();
            await killed.CancelAsync();
            await Task.WhenAll(senders);
            handledBefore = HandledIn(host);
        }

        Assert.True(acknowledged.Count >= killAfter, $"only {acknowledged.Count} deliveries were acknowledged before the kill");
        var pending = (await new FileSystemDeadLetterStore(_folder).ListAsync())
            .Where(l => l.Reason == DeadLetterReason.Pending)
            .Select(l => int.Parse(l.EventId!["evcus_crash_".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        output.WriteLine($"before the kill: {acknowledged.Count} acknowledged, {handledBefore.Count} handled, {pending.Count} pending letters");
        var lost = acknowledged.Where(n => !handledBefore.Contains(n) && !pending.Contains(n)).Order().ToList();
        Assert.True(lost.Count == 0, $"acknowledged but neither handled nor kept: {string.Join(", ", lost)}");

        // The restart finds the pending letters and handles each of them.
        await using (var restarted = await SampleHostProcess.StartAsync(settings))
        {
            var store = new FileSystemDeadLetterStore(_folder);
            for (var polls = 0; (await store.ListAsync()).Any(l => l.Reason == DeadLetterReason.Pending); polls++)
            {
                Assert.True(polls < 600, "the restarted host did not process its pending deliveries:\n" + string.Join('\n', restarted.Output.TakeLast(20)));
                await Task.Delay(50);
            }

            // A letter is dropped after its handler printed; the printed line may still be on its way through the pipe.
            var expected = pending.Where(n => !handledBefore.Contains(n)).ToHashSet();
            var handledAfter = HandledIn(restarted);
            for (var polls = 0; !expected.IsSubsetOf(handledAfter) && polls < 200; polls++)
            {
                await Task.Delay(50);
                handledAfter = HandledIn(restarted);
            }

            var unhandled = acknowledged.Where(n => !handledBefore.Contains(n) && !handledAfter.Contains(n)).Order().ToList();
            Assert.True(unhandled.Count == 0, $"acknowledged and never handled: {string.Join(", ", unhandled)}");
            Assert.Subset(handledAfter, expected);
        }
    }
}
