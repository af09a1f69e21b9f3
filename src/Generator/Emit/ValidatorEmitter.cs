using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Emit;

/// <summary>
/// The Emit stage for validation: one file's <see cref="DocumentValidation"/> to one static class with a
/// method per schema location. Every decision is in the specs; this only writes them as C#.
/// </summary>
internal static partial class ValidatorEmitter
{
    private const string Element = "global::System.Text.Json.JsonElement";
    private const string Kind = "global::System.Text.Json.JsonValueKind";
    private const string Context = "global::Hooksmith.Validation.ValidationContext";
    private const string Locations = "global::Hooksmith.Validation.EvaluatedLocations";
    private const string Checks = "global::Hooksmith.Validation.SchemaChecks";
    private const string Regex = "global::System.Text.RegularExpressions.Regex";
    private const string NameSetType = "global::Hooksmith.Validation.PropertyNameSet";

    /// <summary>Writes one part of the file's validation class (the file's header and namespace are <see cref="FileEmitter"/>'s).</summary>
    public static void Write(SourceWriter writer, ValidatorPart part)
    {
        if (part.IsFirst)
        {
            // One declaration of the partial class carries its documentation and attribute.
            writer.WriteLine($"/// <summary>Validators for the schemas of <c>{TypeEmitter.Xml(part.SchemaFile)}</c>: one method per schema location.</summary>");
            writer.WriteLine("/// <remarks>Each method checks one schema's keywords and applies its subschemas through the methods of their locations; each schema the file names has its methods in the generated file of its types.</remarks>");
            writer.WriteLine(TypeEmitter.GeneratedCodeAttribute);
        }

        writer.OpenBlock($"internal static partial class {part.ClassName}");
        var fields = new ClassFields();
        var first = true;
        foreach (var spec in part.Validators)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            new MethodWriter(writer, spec, fields).Write();
        }

        fields.Write(writer);
        StreamSchemaEmitter.WriteMembers(writer, part);
        writer.CloseBlock();
    }

    /// <summary>
    /// Static members that methods share: translated patterns, parsed constants, dynamic-scope candidate
    /// lists, member name sets. Each is named after the first method that needs it and its kind
    /// (<c>Order_Id__Pattern</c>, <c>Order__Properties</c>): a method name never has <c>__</c> before a
    /// letter, so no field can take the name of a method of the class, in this file or another part.
    /// </summary>
    private sealed class ClassFields
    {
        private readonly Dictionary<string, string> _patterns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _scopes = new(StringComparer.Ordinal);
        /// <summary>Name sets by a key that tells every list apart, with the field's name and the names themselves.</summary>
        private readonly Dictionary<string, (string Field, IReadOnlyList<string> Names)> _nameSets = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        /// <summary><c>{method}__{kind}</c>, numbered from 2 when the method needs more than one of a kind.</summary>
        private string Next(string method, string kind)
        {
            for (var i = 1; ; i++)
            {
                var name = method + "__" + kind + (i == 1 ? string.Empty : i.ToString(CultureInfo.InvariantCulture));
                if (_taken.Add(name))
                {
                    return name;
                }
            }
        }

        public string Pattern(string dotNetPattern, string method)
        {
            if (!_patterns.TryGetValue(dotNetPattern, out var name))
            {
                name = Next(method, "Pattern");
                _patterns.Add(dotNetPattern, name);
            }

            return name;
        }

        public string Constant(string json, string method)
        {
            if (!_constants.TryGetValue(json, out var name))
            {
                name = Next(method, "Constant");
                _constants.Add(json, name);
            }

            return name;
        }

        public string Scope(IEnumerable<string> resources, string method)
        {
            var key = string.Join("\n", resources);
            if (!_scopes.TryGetValue(key, out var name))
            {
                name = Next(method, "DynamicScope");
                _scopes.Add(key, name);
            }

            return name;
        }

        /// <summary>
        /// A <c>PropertyNameSet</c> of member names (<paramref name="kind"/> is <c>Properties</c> or
        /// <c>Required</c>), shared by every method of the file that lists the same names in the same order.
        /// </summary>
        public string NameSet(IReadOnlyList<string> names, string method, string kind)
        {
            // Each name is written with its length, so that no two lists share a key: neither the empty
            // list and the list of one empty name, nor names that contain the separator of a plain join.
            var key = string.Concat(names.Select(n => n.Length.ToString(CultureInfo.InvariantCulture) + ":" + n));
            if (!_nameSets.TryGetValue(key, out var set))
            {
                set = (Next(method, kind), names.ToArray());
                _nameSets.Add(key, set);
            }

            return set.Field;
        }

        private static string FieldOf(string member) => "s_" + char.ToLowerInvariant(member[0]) + member.Substring(1);

        public void Write(SourceWriter writer)
        {
            foreach (var pattern in _patterns)
            {
                var field = FieldOf(pattern.Value);
                writer.WriteLine();
                writer.WriteLine($"private static {Regex}? {field};");
                writer.WriteLine();
                writer.WriteLine($"private static {Regex} {pattern.Value} => {field} ??= {Checks}.Pattern({TypeEmitter.Literal(pattern.Key)});");
            }

            foreach (var constant in _constants)
            {
                var field = FieldOf(constant.Value);
                writer.WriteLine();
                writer.WriteLine($"private static {Element}? {field};");
                writer.WriteLine();
                writer.WriteLine($"private static {Element} {constant.Value} => {field} ??= {Checks}.Parse({TypeEmitter.Literal(constant.Key)});");
            }

            foreach (var (field, list) in _nameSets.Values)
            {
                var names = string.Join(", ", list.Select(TypeEmitter.Literal));
                writer.WriteLine();
                writer.WriteLine($"private static {NameSetType}? {FieldOf(field)};");
                writer.WriteLine();
                writer.WriteLine($"private static {NameSetType} {field} => {FieldOf(field)} ??= new({names});");
            }

            foreach (var scope in _scopes)
            {
                var items = string.Join(", ", scope.Key.Split('\n').Select(TypeEmitter.Literal));
                writer.WriteLine();
                writer.WriteLine($"private static readonly string[] {scope.Value} = [{items}];");
            }
        }
    }
}
