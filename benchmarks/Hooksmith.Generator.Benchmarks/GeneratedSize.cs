using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--size</c>: how much C# the generator writes for Voucherify's <c>OpenAPIWebhooks.json</c> and for
/// the 25 Adyen files together, and which parts of it dominate: files, lines and UTF-8 bytes of the
/// validators, the models and the rest, per KB of schema; inside the validators, the lines of member
/// dispatch (a <c>case</c> per member), failure reports, and method frames, and how many validator
/// methods have the same body as another one but for their name and schema location.
/// </summary>
internal static partial class GeneratedSize
{
    /// <summary>The lines of a generated file's header before its first type: a file with no more has no models.</summary>
    private const int HeaderLines = 8;

    private const string ValidatorSignature = "global::Hooksmith.Validation.ValidationContext context, global::Hooksmith.Validation.EvaluatedLocations? evaluated)";

    /// <param name="output">Where the report goes.</param>
    /// <param name="folder">Where to write the generated files too, a folder per corpus, for reading them; null for nowhere.</param>
    public static int Run(TextWriter output, string? folder = null)
    {
        var compilation = GeneratorRuns.EmptyCompilation();
        var voucherify = VoucherifyCorpus.Load();
        var adyen = AdyenCorpus.Load();
        var failed = false;
        failed |= Report(output, "Voucherify OpenAPIWebhooks.json", [voucherify.OpenApiWebhooks], compilation, folder is null ? null : Path.Combine(folder, "voucherify"));
        failed |= Report(output, $"Adyen, all {adyen.Count} files", adyen, compilation, folder is null ? null : Path.Combine(folder, "adyen"));
        return failed ? 1 : 0;
    }

    private static bool Report(TextWriter output, string title, IReadOnlyList<SchemaText> schemas, Compilation compilation, string? folder)
    {
        var result = GeneratorRuns.CreateDriver(schemas, new SchemaOptionsProvider(schemas)).RunGenerators(compilation).GetRunResult().Results.Single();
        var schemaKb = schemas.Sum(schema => Encoding.UTF8.GetByteCount(schema.GetText()!.ToString())) / 1024.0;
        var errors = result.Diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

        var parts = new Dictionary<string, Tally> { ["validators"] = new(), ["models"] = new(), ["catalog and events"] = new() };
        var validatorLines = new ValidatorLines();
        var total = new Tally();
        foreach (var source in result.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, source.HintName), text);
            }

            var lines = source.SourceText.Lines.Count;
            if (source.HintName.StartsWith("Hooksmith.Generated.", StringComparison.Ordinal) || source.HintName.EndsWith("Events.g.cs", StringComparison.Ordinal))
            {
                parts["catalog and events"].Add(1, lines, Encoding.UTF8.GetByteCount(text));
                continue;
            }

            // A named schema's file: its models (and the file's header), then its part of the validation class.
            var split = ValidatorsStart(text);
            var models = text[..split];
            var validators = text[split..];
            var modelLines = models.Count(c => c == '\n');
            parts["models"].Add(modelLines > HeaderLines ? 1 : 0, modelLines, Encoding.UTF8.GetByteCount(models));
            parts["validators"].Add(validators.Length > 0 ? 1 : 0, lines - modelLines, Encoding.UTF8.GetByteCount(validators));
            total.Add(1, 0, 0);
            if (validators.Length > 0)
            {
                validatorLines.Add(validators);
            }
        }

        foreach (var tally in parts.Values)
        {
            total.Add(0, tally.Lines, tally.Bytes);
        }

        total.Add(parts["catalog and events"].Files, 0, 0);

        output.WriteLine();
        output.WriteLine($"== {title}: {schemaKb:N0} KB of schema, {errors} generator error(s)");
        output.WriteLine($"   {"part",-20} {"files",8} {"lines",10} {"bytes",12} {"lines/KB",9} {"bytes/KB",9}");
        foreach (var (name, tally) in parts.Append(new KeyValuePair<string, Tally>("total", total)))
        {
            output.WriteLine($"   {name,-20} {tally.Files,8:N0} {tally.Lines,10:N0} {tally.Bytes,12:N0} {tally.Lines / schemaKb,9:N0} {tally.Bytes / schemaKb,9:N0}");
        }

        validatorLines.Write(output);
        return errors > 0;
    }

    private sealed class Tally
    {
        public int Files { get; private set; }

        public long Lines { get; private set; }

        public long Bytes { get; private set; }

        public void Add(int files, long lines, long bytes)
        {
            Files += files;
            Lines += lines;
            Bytes += bytes;
        }
    }

    /// <summary>Where a file's part of the validation class starts (its documentation, attribute and declaration), or its end.</summary>
    private static int ValidatorsStart(string text)
    {
        var declaration = text.IndexOf("\ninternal static partial class ", StringComparison.Ordinal);
        if (declaration < 0)
        {
            return text.Length;
        }

        // Back over the lines of documentation and attributes just above the declaration.
        var start = declaration + 1;
        while (start > 0)
        {
            var previous = text.LastIndexOf('\n', start - 2) + 1;
            var line = text.AsSpan(previous, start - previous);
            if (!line.StartsWith("///") && !line.StartsWith("["))
            {
                break;
            }

            start = previous;
        }

        return start;
    }

    /// <summary>Validator lines by what they do, from the text's shape (the emitter's layout, not a C# parse).</summary>
    private sealed partial class ValidatorLines
    {
        private readonly Dictionary<string, int> _bodies = new(StringComparer.Ordinal);
        private long _lines;
        private long _dispatch;
        private long _failures;
        private long _frames;
        private int _methods;
        private int _expressions;
        private long _expressionLines;
        private long _duplicateLines;
        private long _duplicateLinesInFile;

        public void Add(string text)
        {
            var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
            var inFile = new HashSet<string>(StringComparer.Ordinal);
            _lines += lines.Length;
            for (var i = 0; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (CaseLabel().IsMatch(trimmed) && trimmed.EndsWith("break;", StringComparison.Ordinal))
                {
                    // "case 0: if (context.ApplyToMember(…)) return false; break;"
                    _dispatch++;
                }
                else if (CaseLabel().IsMatch(trimmed))
                {
                    // "case 0: // sku" through its "break;".
                    var end = i;
                    while (end < lines.Length - 1 && lines[end].Trim() != "break;")
                    {
                        end++;
                    }

                    // A case that declares a variable has a block of its own: a "}" after its "break;".
                    var closed = end + 1 < lines.Length && lines[end + 1].Trim() == "}" && lines[i + 1].Trim() == "{";
                    _dispatch += end - i + (closed ? 2 : 1);
                    i = closed ? end + 1 : end;
                }
                else if (trimmed == "valid = false;" && i >= 2 && lines[i - 1].Trim() == "{")
                {
                    // "if (<check>)", "{", "valid = false;", "if (context.Fail…)", "{", "return false;", "}", "}".
                    var indent = lines[i - 1].Length - lines[i - 1].TrimStart().Length;
                    var end = i;
                    while (end < lines.Length - 1 && !(lines[end].Trim() == "}" && lines[end].Length - lines[end].TrimStart().Length == indent))
                    {
                        end++;
                    }

                    _failures += end - i + 3;
                    i = end;
                }
                else if (trimmed.StartsWith("if (", StringComparison.Ordinal) && trimmed.Contains("context.Fail(ref valid, ", StringComparison.Ordinal))
                {
                    // "if (<check> && context.Fail(ref valid, …))", "{", "return false;", "}".
                    _failures += 4;
                    i += 3;
                }
                else if (trimmed.EndsWith(ValidatorSignature, StringComparison.Ordinal))
                {
                    _methods++;
                    var expressionBodied = i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith("=> ", StringComparison.Ordinal);
                    var end = i + 1;
                    while (end < lines.Length && (expressionBodied ? !lines[end].EndsWith(';') : lines[end] != "    }"))
                    {
                        end++;
                    }

                    var body = new StringBuilder();
                    for (var j = i + 1; j <= end && j < lines.Length; j++)
                    {
                        if (!lines[j].TrimStart().StartsWith("const string Schema = ", StringComparison.Ordinal))
                        {
                            body.Append(lines[j]).Append('\n');
                        }
                    }

                    var key = body.ToString();
                    _bodies.TryGetValue(key, out var seen);
                    _bodies[key] = seen + 1;
                    if (seen > 0)
                    {
                        _duplicateLines += end - i + 3; // the summary, the body and the blank line after it
                    }

                    if (!inFile.Add(key))
                    {
                        _duplicateLinesInFile += end - i + 3;
                    }

                    if (expressionBodied)
                    {
                        _expressions++;
                        _expressionLines += end - i + 3;
                    }
                    else
                    {
                        // The summary, signature, "{", "const string Schema", "var valid = true;", "return valid;", "}", blank.
                        _frames += 8;
                    }
                }
            }
        }

        public void Write(TextWriter output)
        {
            if (_lines == 0)
            {
                return;
            }

            output.WriteLine($"   validator lines: {_lines:N0} in {_methods:N0} methods ({_bodies.Count:N0} distinct bodies but for name and schema location)");
            output.WriteLine($"     member dispatch (case lines)      {_dispatch,10:N0} {Share(_dispatch),6}");
            output.WriteLine($"     failure reports (if/Fail blocks)  {_failures,10:N0} {Share(_failures),6}");
            output.WriteLine($"     method frames (8 lines a method)  {_frames,10:N0} {Share(_frames),6}");
            output.WriteLine($"     expression-bodied methods ({_expressions,5:N0}) {_expressionLines,10:N0} {Share(_expressionLines),6}");
            output.WriteLine($"     lines of duplicate methods        {_duplicateLines,10:N0} {Share(_duplicateLines),6}");
            output.WriteLine($"       of which in the same file       {_duplicateLinesInFile,10:N0} {Share(_duplicateLinesInFile),6}");
        }

        private string Share(long part) => $"{100.0 * part / _lines:N1}%";

        [GeneratedRegex(@"^case \d+: ")]
        private static partial Regex CaseLabel();
    }
}
