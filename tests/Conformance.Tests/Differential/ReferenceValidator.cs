using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Hooksmith.Generator.Tests;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// python-jsonschema's verdicts, from one <c>python3</c> process per batch running
/// <c>reference_validator.py</c> (beside this file in the repository): the cases go in on standard
/// input as JSON, the verdicts come back on standard output.
/// </summary>
internal static class ReferenceValidator
{
    public static string ScriptPath => Path.Combine(TestPaths.RepositoryRoot, "tests", "Conformance.Tests", "Differential", "reference_validator.py");

    /// <summary>Verdicts per case, per instance, per <see cref="FormatMode"/>; a case python could not judge has a verdict-less entry saying why.</summary>
    public static async Task<IReadOnlyList<Verdict[][]>> JudgeAsync(IReadOnlyList<DifferentialCase> cases)
    {
        var request = new JsonArray(cases.Select(c => (JsonNode?)new JsonObject
        {
            ["schema"] = c.Schema,
            ["instances"] = new JsonArray(c.Instances.Select(i => (JsonNode?)i).ToArray()),
        }).ToArray());

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONWARNINGS"] = "ignore";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(request.ToJsonString()).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"python3 {ScriptPath} exited with {process.ExitCode} (python-jsonschema 4.26 must be installed): {await errors.ConfigureAwait(false)}");
        }

        using var document = JsonDocument.Parse(text);
        var results = new List<Verdict[][]>();
        var index = 0;
        foreach (var result in document.RootElement.EnumerateArray())
        {
            var instances = cases[index++].Instances.Count;
            if (result.TryGetProperty("error", out var error))
            {
                var none = new Verdict(null, "python-jsonschema: " + error.GetString());
                results.Add(Enumerable.Range(0, instances).Select(_ => new[] { none, none }).ToArray());
                continue;
            }

            results.Add(result.GetProperty("verdicts").EnumerateArray()
                .Select(pair => pair.EnumerateArray().Select(v => new Verdict(v.GetBoolean(), null)).ToArray())
                .ToArray());
        }

        if (results.Count != cases.Count)
        {
            throw new InvalidOperationException($"python3 answered {results.Count} cases of {cases.Count}");
        }

        return results;
    }
}
