using System;
using System.Linq;
using System.Threading;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Emit;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Planning.Validation;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator;

/// <summary>
/// Turns webhook event schemas (JSON Schema files and OpenAPI documents listed as
/// <c>HooksmithSchema</c> items) into typed C# models.
/// </summary>
/// <remarks>
/// The pipeline runs one way, file by file: Read (JSON with positions) → Plan (resolve references,
/// decide and name types) → Link (fill in references into other files from a small registry) →
/// Emit (one source file per named schema: its types, then its validators). Diagnostics are a
/// separate output, so a moved diagnostic does not regenerate source.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class HooksmithGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SchemaItemOptions.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SchemaFiles);

        var documents = files
            .Select(static (file, cancellationToken) => SchemaDocumentReader.Read(file, cancellationToken))
            .WithTrackingName(TrackingNames.Read);

        var plans = documents
            .Select(static (document, cancellationToken) => PlanSafely(document, cancellationToken))
            .WithTrackingName(TrackingNames.Plan);

        var registry = plans
            .Select(static (plan, _) => plan.Exports)
            .Collect()
            .Select(static (exports, _) => new SchemaRegistry(exports))
            .WithTrackingName(TrackingNames.Registry);

        var linked = plans
            .Combine(registry)
            .Select(static (pair, _) => PlanLinker.Link(pair.Left, PlanLinker.Resolve(DocumentNeeds.Of(pair.Left), pair.Right)))
            .WithTrackingName(TrackingNames.Link);

        var outputs = linked
            .SelectMany(static (plan, _) => SchemaOutput.Of(plan.Types, plan.Validation))
            .WithTrackingName(TrackingNames.Outputs);
        context.RegisterSourceOutput(outputs, static (output, schemaFile) => AddSource(output, schemaFile.HintName, FileEmitter.Emit(schemaFile)));

        var catalog = linked
            .Select(static (plan, _) => CatalogPart.Of(plan.Validation))
            .Collect()
            .WithTrackingName(TrackingNames.Catalog);
        context.RegisterSourceOutput(catalog, static (output, parts) =>
        {
            if (parts.Any(p => p.Roots.Count > 0))
            {
                AddSource(output, CatalogEmitter.HintName, CatalogEmitter.Emit(parts));
            }
        });

        var events = linked
            .Select(static (plan, _) => EventsPart.Of(plan))
            .Collect()
            .WithTrackingName(TrackingNames.Events);
        context.RegisterSourceOutput(events, static (output, parts) =>
        {
            foreach (var (hintName, source) in EventsEmitter.Emit(parts))
            {
                AddSource(output, hintName, source);
            }
        });

        var diagnostics = plans
            .Select(static (plan, _) => plan.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, list) => Report(output, list));
        context.RegisterSourceOutput(linked.Select(static (plan, _) => plan.Diagnostics), static (output, list) => Report(output, list));

        // Drift: the schemas compared with the project's lock. Only the lock's own text is read from
        // other additional files' step, and without a lock the step returns at once; with one it reuses
        // the documents already read and the plans' names, so a C# edit leaves it cached and a
        // description edit re-runs it to the same diagnostics.
        var lockFile = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => LockFileInput.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Collect()
            .Select(static (locks, _) => locks.IsEmpty ? null : locks.OrderBy(l => l!.Path, StringComparer.Ordinal).First())
            .WithTrackingName(TrackingNames.Lock);
        var drift = documents.Collect()
            .Combine(plans.Collect())
            .Combine(lockFile)
            .Select(static (input, cancellationToken) => DriftDiagnostics.Of(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Drift);
        context.RegisterSourceOutput(drift, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    /// <summary>
    /// Adds a generated file. Hint names are unique by construction (full names, which linking gives to one
    /// file each); should a name still clash, the driver's exception would drop every file of the run, so it
    /// becomes a diagnostic and the other files are kept.
    /// </summary>
    private static void AddSource(SourceProductionContext output, string hintName, SourceText source)
    {
        try
        {
            output.AddSource(hintName, source);
        }
        catch (ArgumentException exception)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName, exception.Message));
        }
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>
    /// Plans a document. The planner reports bad input as diagnostics; this is the last line of
    /// defence that keeps one unexpected failure from taking down the build's other files.
    /// </summary>
    private static DocumentPlan PlanSafely(SchemaDocument document, CancellationToken cancellationToken)
    {
        try
        {
            return TypePlanner.Plan(document, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.StartOf(document.Path), document.Path, exception.GetType().Name + ": " + exception.Message);
            return new DocumentPlan(
                document.Path,
                EquatableArray<TypeSpec>.Empty,
                EquatableArray<EventSpec>.Empty,
                new DocumentExports(document.Path, EquatableArray<UriTarget>.Empty, EquatableArray<UriTarget>.Empty, EquatableArray<PointerType>.Empty, EquatableArray<string>.Empty, ValidationExports.None),
                EquatableArray<ExternalReference>.Empty,
                document.Diagnostics.Concat([diagnostic]).ToEquatableArray(),
                EquatableArray<ResourceLocation>.Empty,
                DocumentValidation.None);
        }
    }
}
