using System.Linq;
using Hooksmith.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Diagnostics;

/// <summary>A diagnostic as plain, equatable data: which descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
        => new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), Arguments.Cast<object>().ToArray());
}
