using Hooksmith.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Drift;

/// <summary>A change since the lock, as plain equatable data for the pipeline: which kind, how severe, where, what.</summary>
/// <param name="Id">The kind's diagnostic ID.</param>
/// <param name="Severity">The change's severity (a schema no event reaches is at most info).</param>
/// <param name="Location">Where the change is written.</param>
/// <param name="Message">The change's message.</param>
/// <param name="Detail">The events and the C# it touches.</param>
internal sealed record DriftDiagnostic(string Id, DiagnosticSeverity Severity, LocationInfo Location, string Message, string Detail)
{
    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(DriftDiagnosticDescriptors.ById(Id)!, Location.ToLocation(), Severity, additionalLocations: null, properties: null, Message, Detail);
}
