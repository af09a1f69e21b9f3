using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Hooksmith.Serialization;

namespace Hooksmith.Validation;

/// <summary>
/// The state of one validation run, for generated validators: where evaluation is in the instance and
/// in the schema, which schema resources it has entered (for <c>$dynamicRef</c>), and the errors found.
/// </summary>
/// <remarks>
/// Locations are kept as a stack of frames and formatted only when an error is reported, so a valid
/// payload costs no string work. Generated code pushes a frame for every subschema it applies:
/// the keyword path from the current schema (<c>/properties/total</c>), the member or item the subschema
/// looks at (none for in-place applicators such as <c>allOf</c>), and the schema resource it enters.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationContext
{
    /// <summary>How many subschemas may be applied inside each other before evaluation gives up.</summary>
    /// <remarks>Instances nest at most 64 deep by default; this bounds schemas that refer to themselves without descending.</remarks>
    public const int MaxDepth = 400;

    [ThreadStatic]
    private static ValidationContext? s_cached;

    private readonly List<ValidationError> _errors = [];
    private readonly Stack<EvaluatedLocations> _spareLocations = new();
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private int _quiet;
    private bool _tooDeep;
    private bool _firstFailureMode;
    private ValidationOptions _options = ValidationOptions.Default;

    private ValidationContext()
    {
    }

    /// <summary>
    /// Whether evaluation stops at the first failure: in first-failure mode, and in full mode too while a
    /// subschema is only being tried (an <c>anyOf</c> branch, a <c>not</c>): nothing it finds is reported,
    /// and whether it fails is known at its first failure. A failed subschema's annotations count for
    /// nothing, so <c>unevaluated*</c> loses nothing either.
    /// </summary>
    public bool StopAtFirstFailure => _firstFailureMode || _quiet > 0;

    /// <summary>
    /// Runs a validator over an instance and returns the result. The validator's schema resource
    /// (<paramref name="resource"/>) starts the dynamic scope.
    /// </summary>
    public static ValidationResult Run(in JsonElement instance, SchemaValidator validator, string resource, ValidationOptions? options = null)
        => Run(instance, validator, resource, options, textIsWellFormed: false);

    /// <summary>
    /// As <see cref="Run(in JsonElement, SchemaValidator, string, ValidationOptions?)"/>; <paramref name="textIsWellFormed"/>
    /// says that the bytes the instance was parsed from hold no undecodable text (they passed
    /// <see cref="JsonIntegrity.MayHoldIllFormedText"/>), so only repeated member names are looked for.
    /// </summary>
    internal static ValidationResult Run(in JsonElement instance, SchemaValidator validator, string resource, ValidationOptions? options, bool textIsWellFormed)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (JsonIntegrity.IsClean(instance, checkText: !textIsWellFormed))
        {
            return RunValidator(instance, validator, resource, options);
        }

        // Text that cannot be decoded and repeated member names are reported where they are; the keywords
        // then check a copy whose undecodable text is replaced by U+FFFD, since decoding it would throw.
        var problems = JsonIntegrity.Collect(instance, string.Empty, out var illFormedText);
        ValidationResult checkedValue;
        if (illFormedText)
        {
            using var repaired = JsonDocument.Parse(JsonIntegrity.Repair(JsonIntegrity.RawBytes(instance)), new JsonDocumentOptions { MaxDepth = 4096 });
            checkedValue = RunValidator(repaired.RootElement, validator, resource, options);
        }
        else
        {
            checkedValue = RunValidator(instance, validator, resource, options);
        }

        if ((options ?? ValidationOptions.Default).Mode == ValidationMode.FirstFailure)
        {
            return ValidationResult.FromErrors([problems[0]]);
        }

        problems.AddRange(checkedValue.Errors);
        return ValidationResult.FromErrors(problems);
    }

    private static ValidationResult RunValidator(in JsonElement instance, SchemaValidator validator, string resource, ValidationOptions? options)
    {
        var context = s_cached ?? new ValidationContext();
        s_cached = null;
        context.Start(options ?? ValidationOptions.Default);
        try
        {
            context.Push(string.Empty, resource);
            var valid = validator(instance, context, null) && !context._tooDeep;
            context.Pop();
            if (valid)
            {
                return ValidationResult.Valid;
            }

            if (context._tooDeep)
            {
                // Reported here rather than where it happened: it may have been inside a branch whose errors are dropped.
                context._errors.Insert(0, new ValidationError(string.Empty, string.Empty, "$ref", $"evaluation went {MaxDepth} subschemas deep without finishing: the schema refers to itself without descending into the value"));
            }
            else if (context._errors.Count == 0)
            {
                // Every path that returns false reports; this guards the result's meaning regardless.
                context._errors.Add(new ValidationError(string.Empty, string.Empty, "schema", "the value does not match the schema"));
            }

            return ValidationResult.FromErrors(context._errors);
        }
        finally
        {
            context._errors.Clear();
            context._depth = 0;
            context._quiet = 0;
            context._tooDeep = false;
            Array.Clear(context._frames);
            s_cached = context;
        }
    }

    private void Start(ValidationOptions options)
    {
        _options = options;
        _firstFailureMode = options.Mode == ValidationMode.FirstFailure;
    }

    /// <summary>Whether failures are being recorded (not inside a subschema that is only being tried).</summary>
    public bool IsReporting => _quiet == 0;

    /// <summary>Whether <c>format</c> asserts, given what the schema's dialect and vocabularies say by default.</summary>
    public bool AssertFormats(bool schemaDefault) => _options.AssertFormats ?? schemaDefault;

    /// <summary>
    /// Whether evaluation has gone <see cref="MaxDepth"/> subschemas deep: a schema that refers to itself
    /// without descending into the value. Generated validators that apply in-place subschemas check it first.
    /// </summary>
    public bool IsTooDeep => _depth > MaxDepth;

    /// <summary>Enters an in-place subschema (<c>allOf</c>, <c>$ref</c>…), with the schema resource it enters if that changes.</summary>
    public void Push(string keywordPath, string? resource = null) => Push(new Frame(keywordPath, FrameKind.InPlace, default, 0, resource));

    /// <summary>Enters the subschema that applies to an object member.</summary>
    public void Push(string keywordPath, in JsonProperty property, string? resource = null) => Push(new Frame(keywordPath, FrameKind.Property, property, 0, resource));

    /// <summary>Enters the subschema that applies to an array item.</summary>
    public void Push(string keywordPath, int index, string? resource = null) => Push(new Frame(keywordPath, FrameKind.Item, default, index, resource));

    /// <summary>Leaves the subschema entered last.</summary>
    public void Pop() => _frames[--_depth] = default;

    /// <summary>
    /// Enters an in-place subschema (<c>$ref</c>, an <c>allOf</c> of one) unless evaluation has gone
    /// <see cref="MaxDepth"/> deep, for a validator whose only check is that subschema.
    /// </summary>
    /// <returns>False, without entering, when evaluation is too deep: the validator fails (the run reports why).</returns>
    public bool Enter(string keywordPath, string? resource = null)
    {
        if (IsTooDeep)
        {
            return false;
        }

        Push(keywordPath, resource);
        return true;
    }

    /// <summary>Leaves the subschema entered last and passes its result on.</summary>
    public bool Leave(bool ok)
    {
        _frames[--_depth] = default;
        return ok;
    }

    /// <summary>
    /// Leaves the subschema entered last with its result: a failure (<paramref name="ok"/> false) fails the
    /// schema being evaluated (<paramref name="valid"/> becomes false). Its errors are already reported.
    /// </summary>
    /// <returns>True when evaluation should stop: the subschema failed and evaluation stops at the first failure.</returns>
    public bool Pop(bool ok, ref bool valid)
    {
        _frames[--_depth] = default;
        valid &= ok;
        return !ok && StopAtFirstFailure;
    }

    /// <summary>
    /// Applies the subschema of an object member (<c>properties</c>): enters it, runs
    /// <paramref name="validator"/> on the member's value and leaves it with the result, as
    /// <see cref="Pop(bool, ref bool)"/> does. One call per member of a generated validator's dispatch.
    /// </summary>
    /// <param name="property">The member.</param>
    /// <param name="keywordPath">The subschema's path from the schema being evaluated (<c>/properties/id</c>).</param>
    /// <param name="validator">The subschema's validator.</param>
    /// <param name="valid">The result of the schema being evaluated: false once the subschema fails.</param>
    /// <param name="resource">The schema resource the subschema enters, when that changes.</param>
    /// <returns>True when evaluation should stop: the subschema failed and evaluation stops at the first failure.</returns>
    public bool ApplyToMember(in JsonProperty property, string keywordPath, SchemaValidator validator, ref bool valid, string? resource = null)
    {
        Push(keywordPath, property, resource);
        return Pop(validator(property.Value, this, null), ref valid);
    }

    /// <summary>
    /// Applies the subschema of an object member whose only check applies another schema in place (a <c>$ref</c>,
    /// an <c>allOf</c> of one), as that subschema's own validator would: enters the member's subschema, then the
    /// one it applies at <paramref name="throughPath"/> unless evaluation is too deep (<see cref="Enter"/>), runs
    /// <paramref name="validator"/> and leaves both with the result.
    /// </summary>
    /// <param name="property">The member.</param>
    /// <param name="keywordPath">The member's subschema's path from the schema being evaluated (<c>/properties/id</c>).</param>
    /// <param name="throughPath">The path of the schema it applies, from the member's subschema (<c>/allOf/0</c>, <c>/$ref</c>).</param>
    /// <param name="validator">The validator of the schema applied.</param>
    /// <param name="valid">The result of the schema being evaluated: false once the subschema fails.</param>
    /// <param name="resource">The schema resource the member's subschema enters, when that changes.</param>
    /// <param name="throughResource">The schema resource entering the applied schema names, when it names one.</param>
    /// <returns>True when evaluation should stop: the subschema failed and evaluation stops at the first failure.</returns>
    public bool ApplyToMember(in JsonProperty property, string keywordPath, string throughPath, SchemaValidator validator, ref bool valid, string? resource = null, string? throughResource = null)
    {
        Push(keywordPath, property, resource);
        var ok = Enter(throughPath, throughResource) && Leave(validator(property.Value, this, null));
        return Pop(ok, ref valid);
    }

    /// <summary>
    /// <see cref="ApplyToMember(in JsonProperty, string, SchemaValidator, ref bool, string?)"/> for a member's subschema whose only keyword is <c>type</c> (see <see cref="CheckType"/>).
    /// </summary>
    /// <returns>True when evaluation should stop: the value is of another type and evaluation stops at the first failure.</returns>
    public bool CheckMemberType(in JsonProperty property, string keywordPath, StreamTypes types, string schemaLocation, string expected, ref bool valid)
    {
        Push(keywordPath, property);
        return Pop(CheckType(property.Value, types, schemaLocation, expected), ref valid);
    }

    /// <summary>
    /// Applies the subschema of every item of an array (<c>items</c>, <c>additionalItems</c> with no tuple before
    /// it): enters it for each item in turn, runs <paramref name="validator"/> and leaves it with the result, as
    /// <see cref="Pop(bool, ref bool)"/> does.
    /// </summary>
    /// <returns>True when evaluation should stop: an item failed and evaluation stops at the first failure.</returns>
    public bool ApplyToItems(in JsonElement array, string keywordPath, SchemaValidator validator, ref bool valid, string? resource = null)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            Push(keywordPath, index, resource);
            if (Pop(validator(item, this, null), ref valid))
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary><see cref="ApplyToItems"/> for an items subschema whose only keyword is <c>type</c> (see <see cref="CheckType"/>).</summary>
    /// <returns>True when evaluation should stop: an item is of another type and evaluation stops at the first failure.</returns>
    public bool CheckItemTypes(in JsonElement array, string keywordPath, StreamTypes types, string schemaLocation, string expected, ref bool valid)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            Push(keywordPath, index);
            if (Pop(CheckType(item, types, schemaLocation, expected), ref valid))
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary>
    /// Reports an object member where its subschema is <c>false</c> (most often <c>additionalProperties: false</c>)
    /// and fails the schema being evaluated.
    /// </summary>
    /// <param name="property">The member.</param>
    /// <param name="keywordPath">The subschema's path from the schema being evaluated (<c>/additionalProperties</c>).</param>
    /// <param name="schemaLocation">The subschema's absolute location.</param>
    /// <param name="keyword">The keyword that applied it.</param>
    /// <param name="valid">The result of the schema being evaluated: false from here on.</param>
    /// <returns>True when evaluation should stop: first-failure mode.</returns>
    public bool RejectMember(in JsonProperty property, string keywordPath, string schemaLocation, string keyword, ref bool valid)
    {
        Push(keywordPath, property);
        FailFalseSchema(schemaLocation, keyword);
        _frames[--_depth] = default;
        valid = false;
        return StopAtFirstFailure;
    }

    /// <summary>
    /// Reports each <c>required</c> member that <paramref name="present"/> (bits of the members found, in the
    /// order of <c>properties</c>) lacks, in the order <c>required</c> lists them, and fails the schema being
    /// evaluated if any is missing.
    /// </summary>
    /// <param name="valid">The result of the schema being evaluated: false when a member is missing.</param>
    /// <param name="schemaLocation">The absolute location of the schema.</param>
    /// <param name="instance">The object.</param>
    /// <param name="present">The members found, a bit each.</param>
    /// <param name="required">The required members: each one's bit and name.</param>
    /// <returns>True when evaluation should stop: a member is missing and evaluation stops at the first failure.</returns>
    public bool FailMissing(ref bool valid, string schemaLocation, in JsonElement instance, ulong present, ReadOnlySpan<(ulong Bit, string Name)> required)
    {
        foreach (var (bit, name) in required)
        {
            if ((present & bit) == 0 && Fail(ref valid, schemaLocation, "/required", "required", instance, name))
            {
                return true;
            }
        }

        return false;
    }

    private void Push(in Frame frame)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth++] = frame;
        _tooDeep |= _depth > MaxDepth;
    }

    /// <summary>
    /// For <c>$dynamicRef</c>: the first of <paramref name="candidates"/> (resource URIs that declare the
    /// dynamic anchor) in the dynamic scope, outermost first; -1 when none is in scope.
    /// </summary>
    public int FindInDynamicScope(ReadOnlySpan<string> candidates)
    {
        for (var i = 0; i < _depth; i++)
        {
            if (_frames[i].Resource is { } resource)
            {
                for (var c = 0; c < candidates.Length; c++)
                {
                    if (string.Equals(candidates[c], resource, StringComparison.Ordinal))
                    {
                        return c;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Reports that <paramref name="instance"/> fails a keyword and says whether to stop evaluating.
    /// </summary>
    /// <param name="schemaLocation">The absolute location of the schema the keyword is in.</param>
    /// <param name="keywordPath">The keyword's path inside that schema, such as <c>/minimum</c>.</param>
    /// <param name="keyword">The keyword.</param>
    /// <param name="instance">The value that fails.</param>
    /// <param name="expected">What the keyword asks for, in the words the message needs (a limit, a type, a name).</param>
    /// <returns>True when evaluation should stop: first-failure mode.</returns>
    public bool Fail(string schemaLocation, string keywordPath, string keyword, in JsonElement instance, string? expected = null)
    {
        if (_quiet == 0)
        {
            Report(schemaLocation, keywordPath, keyword, ValidationMessages.Describe(keyword, instance, expected));
        }

        return StopAtFirstFailure;
    }

    /// <summary>
    /// Reports that <paramref name="instance"/> fails a keyword, marks the schema being evaluated as failed
    /// (<paramref name="valid"/> becomes false) and says whether to stop evaluating: what generated code
    /// does at every failed keyword, in one call.
    /// </summary>
    /// <returns>True when evaluation should stop: first-failure mode.</returns>
    public bool Fail(ref bool valid, string schemaLocation, string keywordPath, string keyword, in JsonElement instance, string? expected = null)
    {
        valid = false;
        return Fail(schemaLocation, keywordPath, keyword, instance, expected);
    }

    /// <summary>
    /// Reports that <paramref name="instance"/> fails a keyword of a schema that has nothing else to check,
    /// and returns that schema's result: false.
    /// </summary>
    public bool Reject(string schemaLocation, string keywordPath, string keyword, in JsonElement instance, string? expected = null)
    {
        Fail(schemaLocation, keywordPath, keyword, instance, expected);
        return false;
    }

    /// <summary>
    /// The whole validator of a schema whose only keyword is <c>type</c> (the most common subschema of vendor
    /// specs: a member's <c>{"type": "string"}</c>), which gets no method of its own: true when the value is of
    /// one of <paramref name="types"/>, else the report of <c>type</c> at <paramref name="schemaLocation"/>
    /// and false.
    /// </summary>
    /// <param name="instance">The value.</param>
    /// <param name="types">The types the schema allows.</param>
    /// <param name="schemaLocation">The absolute location of the schema.</param>
    /// <param name="expected">The types as the message names them, in the schema's order (<c>string or null</c>).</param>
    public bool CheckType(in JsonElement instance, StreamTypes types, string schemaLocation, string expected)
        => SchemaChecks.HasType(instance, types) || Reject(schemaLocation, "/type", "type", instance, expected);

    /// <summary>
    /// Reports a value where the schema is <c>false</c> and says whether to stop evaluating.
    /// <paramref name="keyword"/> is the keyword that applied the schema (<c>additionalProperties</c>), or
    /// <c>false</c> for a schema that is <c>false</c> itself.
    /// </summary>
    public bool FailFalseSchema(string schemaLocation, string keyword)
    {
        if (_quiet == 0)
        {
            Report(schemaLocation, string.Empty, keyword, ValidationMessages.DescribeFalseSchema(keyword));
        }

        return StopAtFirstFailure;
    }

    /// <summary>Reports a failure with a message of its own and says whether to stop evaluating.</summary>
    public bool FailWithMessage(string schemaLocation, string keywordPath, string keyword, string message)
    {
        if (_quiet == 0)
        {
            Report(schemaLocation, keywordPath, keyword, message);
        }

        return StopAtFirstFailure;
    }

    /// <summary>
    /// Starts trying subschemas whose errors do not count as such (<c>anyOf</c> and <c>oneOf</c> branches,
    /// <c>not</c>, <c>if</c>, <c>contains</c>): nothing is recorded until <see cref="EndTrial"/>. Generated
    /// code explains a failed <c>anyOf</c> or <c>oneOf</c> in full mode by running its branches again.
    /// </summary>
    public int BeginTrial()
    {
        _quiet++;
        return _errors.Count;
    }

    /// <summary>Ends what <see cref="BeginTrial"/> started.</summary>
    public void EndTrial(int mark)
    {
        _quiet--;
        if (_errors.Count > mark)
        {
            _errors.RemoveRange(mark, _errors.Count - mark);
        }
    }

    /// <summary>An empty set of evaluated locations, for a schema that uses <c>unevaluated*</c>; give it back with <see cref="Return"/>.</summary>
    public EvaluatedLocations RentLocations() => _spareLocations.Count > 0 ? _spareLocations.Pop() : new EvaluatedLocations();

    /// <summary>Gives back a set from <see cref="RentLocations"/>; nothing for null (no set was rented, or it was kept).</summary>
    public void Return(EvaluatedLocations? locations)
    {
        if (locations is null)
        {
            return;
        }

        locations.Clear();
        _spareLocations.Push(locations);
    }

    private void Report(string schemaLocation, string keywordPath, string keyword, string message)
    {
        var instance = new StringBuilder();
        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            ref readonly var frame = ref _frames[i];
            path.Append(frame.Keyword);
            if (frame.Kind == FrameKind.Property)
            {
                JsonPointer.AppendToken(instance, frame.Property.Name);
            }
            else if (frame.Kind == FrameKind.Item)
            {
                instance.Append('/').Append(frame.Index);
            }
        }

        path.Append(keywordPath);
        _errors.Add(new ValidationError(instance.ToString(), path.ToString(), keyword, message)
        {
            SchemaLocation = schemaLocation.Length == 0 ? null : schemaLocation + keywordPath,
        });
    }

    private enum FrameKind : byte
    {
        InPlace,
        Property,
        Item,
    }

    private readonly struct Frame(string keyword, FrameKind kind, JsonProperty property, int index, string? resource)
    {
        public string Keyword { get; } = keyword;

        public FrameKind Kind { get; } = kind;

        public JsonProperty Property { get; } = property;

        public int Index { get; } = index;

        public string? Resource { get; } = resource;
    }
}

/// <summary>A generated validator for one schema location.</summary>
/// <param name="instance">The value to check.</param>
/// <param name="context">The run's state.</param>
/// <param name="evaluated">Where to record evaluated members and items, when an enclosing schema uses <c>unevaluated*</c>; else null.</param>
/// <returns>Whether the value is valid.</returns>
public delegate bool SchemaValidator(in JsonElement instance, ValidationContext context, EvaluatedLocations? evaluated);
