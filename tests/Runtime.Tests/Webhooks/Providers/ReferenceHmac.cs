using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Runtime.Tests.Webhooks.Providers;

/// <summary>
/// Signatures computed by implementations other than the code under test: OpenSSL's command line for Adyen's header
/// signature and python3's <c>hmac</c> module for the classic items' colon-joined fields.
/// </summary>
internal static class ReferenceHmac
{
    /// <summary>Base64 HMAC-SHA256 of <paramref name="body"/> with a hex key, by <c>openssl dgst -sha256 -mac HMAC -macopt hexkey:…</c>.</summary>
    public static string OpenSslBase64(byte[] body, string hexKey)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + hexKey, "-binary" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardInput.BaseStream.Write(body);
        process.StandardInput.Close();
        using var digest = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(digest);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || digest.Length != 32)
        {
            throw new InvalidOperationException($"openssl failed ({process.ExitCode}): {error}");
        }

        return Convert.ToBase64String(digest.ToArray());
    }

    /// <summary>
    /// For each item (a JSON object), the Base64 HMAC-SHA256 of Adyen's signed text
    /// <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>, computed
    /// by one python3 process for all of them (a missing field is empty; numbers and booleans as JSON writes them).
    /// </summary>
    public static IReadOnlyList<string> PythonItemSignatures(IReadOnlyList<string> items, string hexKey)
    {
        const string script = """
            import sys, json, hmac, hashlib, base64
            request = json.load(sys.stdin)
            key = bytes.fromhex(request["key"])
            def text(v):
                if v is None: return ""
                if isinstance(v, bool): return "true" if v else "false"
                if isinstance(v, str): return v
                return json.dumps(v)
            out = []
            for raw in request["items"]:
                item = json.loads(raw)
                amount = item.get("amount") if isinstance(item.get("amount"), dict) else {}
                fields = [item.get("pspReference"), item.get("originalReference"), item.get("merchantAccountCode"),
                          item.get("merchantReference"), amount.get("value"), amount.get("currency"),
                          item.get("eventCode"), item.get("success")]
                signed = ":".join(text(f) for f in fields).encode("utf-8")
                out.append(base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii"))
            json.dump(out, sys.stdout)
            """;
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.StandardInput.Write(JsonSerializer.Serialize(new Dictionary<string, object> { ["key"] = hexKey, ["items"] = items.ToArray() }));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {error}");
        }

        return JsonSerializer.Deserialize<string[]>(output) ?? [];
    }
}
