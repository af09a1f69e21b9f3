using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Planning;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Emit;

/// <summary>What the event tables need from one file: its namespace, its events and the type names it declares there.</summary>
internal sealed record EventsPart(string Namespace, EquatableArray<EventEntry> Events, EquatableArray<string> TypeNames)
{
    public static EventsPart Of(LinkedPlan plan) => new(
        plan.Validation.Namespace,
        plan.Events
            // Payloads in other files are validated by their own file's types.
            .Where(e => e.Payload.Kind == TypeRefKind.Named && plan.Types.FirstOrDefault(t => t.FullName == e.Payload.FullName) is not { Validator: null })
            .Select(e => new EventEntry(e.EventName, e.WebhookKey, e.Payload.FullName!))
            .ToEquatableArray(),
        plan.Types.Select(t => t.Name).ToEquatableArray());
}

/// <summary>An event and the full name of its payload's model.</summary>
internal sealed record EventEntry(string EventName, string Key, string PayloadType);

/// <summary>
/// Writes one event table per namespace that has events (<c>VoucherifyEvents</c>, a
/// <c>WebhookEventTable</c> the receiver routes with) and its exhaustive handler interface
/// (<c>IVoucherifyEventHandlers</c>, one method per event).
/// </summary>
internal static class EventsEmitter
{
    private static readonly string[] Reserved = ["Instance", "Events", "TryGet", "ExhaustiveHandlerType", "All", "Equals", "GetHashCode", "ToString", "GetType"];

    public static IEnumerable<(string HintName, SourceText Source)> Emit(IEnumerable<EventsPart> parts)
    {
        foreach (var group in parts.Where(p => p.Events.Count > 0).GroupBy(p => p.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var @namespace = group.Key;
            var events = group.SelectMany(p => p.Events)
                .GroupBy(e => e.EventName, StringComparer.Ordinal)
                .Select(g => g.OrderBy(e => e.PayloadType, StringComparer.Ordinal).First())
                .OrderBy(e => e.EventName, StringComparer.Ordinal)
                .ToList();
            var typeNames = new HashSet<string>(group.SelectMany(p => p.TypeNames), StringComparer.OrdinalIgnoreCase);
            var stem = Identifiers.ToIdentifier(@namespace.Substring(@namespace.LastIndexOf('.') + 1), "Webhook").TrimStart('@');
            var className = typeNames.Contains(stem + "Events") ? stem + "WebhookEvents" : stem + "Events";
            var interfaceName = "I" + className.Substring(0, className.Length - "Events".Length) + "EventHandlers";
            var fullName = @namespace.Length == 0 ? className : @namespace + "." + className;
            yield return (fullName + ".g.cs", EmitTable(@namespace, className, interfaceName, events));
        }
    }

    private static SourceText EmitTable(string @namespace, string className, string interfaceName, IReadOnlyList<EventEntry> events)
    {
        var members = new NameScope(Reserved.Append(className));
        var methods = new NameScope(["Equals", "GetHashCode", "ToString", "GetType"]);
        var names = events.Select(e =>
        {
            var pascal = Identifiers.ToIdentifier(e.EventName, "Event").TrimStart('@');
            return (Event: e, Property: members.Claim([pascal], out _), Method: methods.Claim(["On" + pascal + "Async"], out _));
        }).ToList();

        const string Webhooks = "global::Hooksmith.Webhooks.";
        var writer = new SourceWriter();
        FileEmitter.WriteStart(writer, "the webhook events of the schema files in this namespace", allowObsoleteUse: true, @namespace);

        writer.WriteLine($"/// <summary>The webhook events of <c>{TypeEmitter.Xml(@namespace)}</c>, each with the model its payload binds to; route deliveries with it.</summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {className} : {Webhooks}WebhookEventTable, {Webhooks}IWebhookEventTable<{className}>");
        writer.WriteLine($"private {className}()");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The table.</summary>");
        writer.WriteLine($"public static {className} Instance {{ get; }} = new();");
        foreach (var (entry, property, method) in names)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary><c>{TypeEmitter.Xml(entry.EventName)}</c>: a <see cref=\"global::{entry.PayloadType}\"/> payload.</summary>");
            writer.WriteLine($"public static {Webhooks}WebhookEventDescriptor<global::{entry.PayloadType}> {property} {{ get; }} = new(");
            writer.Indent();
            writer.WriteLine($"{TypeEmitter.Literal(entry.EventName)},");
            writer.WriteLine($"{TypeEmitter.Literal(entry.Key)},");
            writer.WriteLine($"static (handlers, payload, context, cancellationToken) => (({interfaceName})handlers).{method}(payload, context, cancellationToken));");
            writer.Unindent();
        }

        writer.WriteLine();
        writer.WriteLine($"private static readonly {Webhooks}WebhookEventDescriptor[] All = [{string.Join(", ", names.Select(n => n.Property))}];");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override global::System.Collections.Generic.IReadOnlyList<{Webhooks}WebhookEventDescriptor> Events => All;");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override global::System.Type ExhaustiveHandlerType => typeof({interfaceName});");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public override bool TryGet(string eventType, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {Webhooks}WebhookEventDescriptor? descriptor)");
        writer.OpenBlock("descriptor = eventType switch");
        foreach (var (entry, property, _) in names)
        {
            writer.WriteLine($"{TypeEmitter.Literal(entry.EventName)} => {property},");
        }

        writer.WriteLine("_ => null,");
        writer.CloseBlock("};");
        writer.WriteLine("return descriptor is not null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// One method per event of <see cref=\"{className}\"/>. Register an implementation to handle every event in one");
        writer.WriteLine("/// class: when the provider's schema gains an event, the class stops compiling until it handles it.");
        writer.WriteLine("/// An event with an <c>IWebhookHandler&lt;T&gt;</c> of its own goes to that handler instead.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public interface {interfaceName}");
        var first = true;
        foreach (var (entry, _, method) in names)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            writer.WriteLine($"/// <summary>Handles <c>{TypeEmitter.Xml(entry.EventName)}</c>.</summary>");
            writer.WriteLine($"global::System.Threading.Tasks.Task {method}(global::{entry.PayloadType} payload, {Webhooks}WebhookContext context, global::System.Threading.CancellationToken cancellationToken);");
        }

        writer.CloseBlock();
        return writer.ToSourceText();
    }
}
