using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Cli.DeadLetters;

/// <summary>
/// <c>hooksmith dead-letters list|show|replay</c>: the letters a <see cref="FileSystemDeadLetterStore"/> keeps in a
/// folder, looked at and sent again. A replay posts the letter's body, signed as the provider signs, to the running
/// receiver, so it goes through the normal pipeline (signature, routing, deduplication, validation, the handler); a
/// letter the receiver acknowledges is removed from the folder.
/// </summary>
internal sealed class DeadLetterCommandLine(TextWriter stdout, TextWriter stderr)
{
    private static readonly string[] Schemes = ["voucherify", "hmac-sha256", "adyen-hmac", "adyen-classic", "none"];

    private readonly Option<string> _folder = new("--folder") { Description = "The dead-letter folder (one per endpoint)", Required = true };
    private readonly Option<string> _output = new("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };

    /// <summary>True for the commands this class runs.</summary>
    public static bool Handles(string command) => command == "dead-letters";

    public int Run(string[] args)
    {
        _output.AcceptOnlyFromAmong("text", "json");
        var root = new RootCommand("Hooksmith: typed, validating C# for the webhooks you receive.");
        var deadLetters = new Command("dead-letters", "Look at and replay the dead letters a receiver kept in a folder.");
        root.Subcommands.Add(deadLetters);

        var list = new Command("list", "List the letters, oldest first.") { _folder, _output };
        list.SetAction(result => List(result.GetValue(_folder)!, result.GetValue(_output)!));
        deadLetters.Subcommands.Add(list);

        var id = new Argument<string>("ID") { Description = "The letter's id" };
        var show = new Command("show", "Show one letter: what was wrong, then its body as it arrived.") { _folder, id };
        show.SetAction(result => Show(result.GetValue(_folder)!, result.GetValue(id)!));
        deadLetters.Subcommands.Add(show);

        var url = new Option<string>("--url") { Description = "The receiver's endpoint, such as http://127.0.0.1:5080/webhooks/voucherify", Required = true };
        var secret = new Option<string?>("--secret") { Description = "The secret to sign with (or the environment variable HOOKSMITH_SECRET)" };
        var scheme = new Option<string>("--scheme") { Description = "How to sign: voucherify (x-voucherify-signature), hmac-sha256 (X-Hub-Signature-256), adyen-hmac (Adyen's HmacSignature header, --secret the HMAC key in hex), adyen-classic (each classic item's additionalData.hmacSignature recomputed, hex key) or none", DefaultValueFactory = _ => "voucherify" };
        scheme.AcceptOnlyFromAmong(Schemes);
        var only = new Option<string?>("--id") { Description = "Replay this letter only (any reason, pending ones too)" };
        var keep = new Option<bool>("--keep") { Description = "Keep letters in the folder even when the receiver acknowledges them" };
        var replay = new Command("replay", "Post letters to the receiver again; those it acknowledges are removed. Letters the receiver keeps as pending (its own queue) are left to it unless named with --id.") { _folder, url, secret, scheme, only, keep };
        replay.SetAction((result, cancellationToken) => ReplayAsync(
            result.GetValue(_folder)!, result.GetValue(url)!, result.GetValue(secret) ?? Environment.GetEnvironmentVariable("HOOKSMITH_SECRET"),
            result.GetValue(scheme)!, result.GetValue(only), result.GetValue(keep), cancellationToken));
        deadLetters.Subcommands.Add(replay);

        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parsed.Errors.Count > 0)
        {
            parsed.Invoke(configuration);
            return ExitCodes.Error;
        }

        return parsed.Invoke(configuration);
    }

    private FileSystemDeadLetterStore? Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"hooksmith: the dead-letter folder '{folder}' does not exist.");
            return null;
        }

        return new FileSystemDeadLetterStore(folder);
    }

    private int List(string folder, string output)
    {
        if (Open(folder) is not { } store)
        {
            return ExitCodes.Error;
        }

        var letters = store.ListAsync().AsTask().GetAwaiter().GetResult();
        if (output == "json")
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                foreach (var letter in letters)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", letter.Id);
                    writer.WriteString("receivedAt", letter.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
                    writer.WriteString("reason", letter.Reason.ToString());
                    writer.WriteString("eventType", letter.EventType);
                    writer.WriteString("eventId", letter.EventId);
                    writer.WriteNumber("bytes", letter.Body.Length);
                    writer.WriteString("detail", letter.Detail);
                    writer.WriteEndObject();
                    writer.Flush();
                    stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                    buffer.SetLength(0);
                    writer.Reset();
                }
            }
        }
        else
        {
            foreach (var letter in letters)
            {
                stdout.WriteLine($"{letter.Id}  {letter.ReceivedAt:O}  {letter.Reason}  {letter.EventType ?? "-"}/{letter.EventId ?? "-"}  {letter.Body.Length} bytes  {OneLine(letter.Detail, 120)}");
            }

            stdout.WriteLine($"{letters.Count} letters" + (store.UnreadableFiles > 0 ? $", {store.UnreadableFiles} files that are not letters" : string.Empty));
        }

        return ExitCodes.Valid;
    }

    private int Show(string folder, string id)
    {
        if (Open(folder) is not { } store)
        {
            return ExitCodes.Error;
        }

        var letter = store.ListAsync().AsTask().GetAwaiter().GetResult().FirstOrDefault(l => l.Id == id);
        if (letter is null)
        {
            stderr.WriteLine($"hooksmith: no letter '{id}' in '{folder}'.");
            return ExitCodes.Invalid;
        }

        stdout.WriteLine($"id:          {letter.Id}");
        stdout.WriteLine($"received at: {letter.ReceivedAt:O}");
        stdout.WriteLine($"reason:      {letter.Reason}");
        stdout.WriteLine($"event:       {letter.EventType ?? "-"} ({letter.EventId ?? "no id"})");
        stdout.WriteLine($"detail:      {letter.Detail}");
        stdout.WriteLine($"body:        {letter.Body.Length} bytes");
        stdout.WriteLine(Encoding.UTF8.GetString(letter.Body.Span));
        return ExitCodes.Valid;
    }

    private async Task<int> ReplayAsync(string folder, string endpoint, string? secret, string scheme, string? only, bool keep, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            stderr.WriteLine($"hooksmith: --url takes the receiver's endpoint as an http or https URL, not '{endpoint}'.");
            return ExitCodes.Error;
        }

        if (scheme != "none" && string.IsNullOrEmpty(secret))
        {
            stderr.WriteLine("hooksmith: replay signs each body: give --secret (or HOOKSMITH_SECRET), or --scheme none.");
            return ExitCodes.Error;
        }

        if (scheme is "adyen-hmac" or "adyen-classic" && !IsHex(secret!))
        {
            stderr.WriteLine($"hooksmith: --scheme {scheme} signs with Adyen's HMAC key, given in hex (an even number of 0-9 and A-F).");
            return ExitCodes.Error;
        }

        if (Open(folder) is not { } store)
        {
            return ExitCodes.Error;
        }

        var letters = (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(l => only is null ? l.Reason != DeadLetterReason.Pending : l.Id == only)
            .ToList();
        if (only is not null && letters.Count == 0)
        {
            stderr.WriteLine($"hooksmith: no letter '{only}' in '{folder}'.");
            return ExitCodes.Invalid;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var failed = 0;
        foreach (var letter in letters)
        {
            var body = letter.Body.ToArray();
            if (scheme == "adyen-classic")
            {
                // Each item's signature is over its own fields, so it is recomputed in the body (an edited letter
                // verifies again); a body that is not a classic batch cannot be signed this way and is not sent.
                try
                {
                    body = WebhookTestSigner.SignAdyenClassicBatch(body, secret!);
                }
                catch (ArgumentException exception)
                {
                    failed++;
                    stdout.WriteLine($"{letter.Id}  {letter.EventType ?? "-"}/{letter.EventId ?? "-"}  not sent: {exception.Message}  kept (not acknowledged)");
                    continue;
                }
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            switch (scheme)
            {
                case "adyen-hmac":
                    request.Headers.TryAddWithoutValidation(AdyenHmacSignatureVerifier.SignatureHeaderName, WebhookTestSigner.AdyenHmacSignature(body, secret!));
                    break;
                case "voucherify":
                    request.Headers.TryAddWithoutValidation(VoucherifySignatureVerifier.SignatureHeaderName, WebhookTestSigner.VoucherifySignature(letter.Body.Span, secret!));
                    break;
                case "hmac-sha256":
                    request.Headers.TryAddWithoutValidation(HmacSha256HeaderVerifier.DefaultHeaderName, WebhookTestSigner.HmacSha256Signature(letter.Body.Span, secret!));
                    break;
            }

            string answer;
            bool acknowledged;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                acknowledged = response.IsSuccessStatusCode;
                answer = $"{(int)response.StatusCode} {Outcome(text)}";
            }
            catch (HttpRequestException exception)
            {
                stderr.WriteLine($"hooksmith: {url} cannot be reached: {exception.Message}");
                return ExitCodes.Error;
            }

            var removed = acknowledged && !keep && await store.RemoveAsync(letter.Id, cancellationToken).ConfigureAwait(false);
            failed += acknowledged ? 0 : 1;
            stdout.WriteLine($"{letter.Id}  {letter.EventType ?? "-"}/{letter.EventId ?? "-"}  {answer}" + (removed ? "  removed" : acknowledged ? "  kept" : "  kept (not acknowledged)"));
        }

        stdout.WriteLine($"{letters.Count - failed} of {letters.Count} letters acknowledged");
        return failed == 0 ? ExitCodes.Valid : ExitCodes.Invalid;
    }

    private static bool IsHex(string text)
    {
        if (text.Length == 0 || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // The receiver's JSON outcome ("Handled"), else the text a provider expects as its answer (Adyen's "[accepted]").
    private static string Outcome(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString()! : string.Empty;
        }
        catch (JsonException)
        {
            return OneLine(body, 40);
        }
    }

    private static string OneLine(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
