using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>
/// Carries the position in the payload while a model binds, and collects what could not be bound
/// (a value of the wrong JSON type, a number out of range for its .NET type). Binding never throws
/// for such values: it reports them here and keeps the raw value in the model's property bag.
/// </summary>
public sealed class BindingContext
{
    [System.ThreadStatic]
    private static BindingContext? s_cached;

    private readonly List<Segment> _path = [];
    private List<ValidationError>? _errors;

    // The fused pass (see FusedPass): the schema left for the codec of the value whose first token is at _pendingAt,
    // at its depth, and the options the checks are made with.
    private StreamSchema? _pending;
    private long _pendingAt;
    private int _pendingDepth;
    private ValidationOptions _fusedOptions = ValidationOptions.Default;

    /// <summary>A context for one payload: the thread's spare one when it has one, so that binding a payload allocates no context.</summary>
    internal static BindingContext Rent()
    {
        var context = s_cached ?? new BindingContext();
        s_cached = null;
        return context;
    }

    /// <summary>Gives back a context from <see cref="Rent"/>, once its result was taken (<see cref="ToResult"/> copies the errors).</summary>
    internal static void Return(BindingContext context)
    {
        context._path.Clear();
        context._errors = null;
        context._pending = null;
        context.Unproven = false;
        context.FusedOptions = ValidationOptions.Default;
        s_cached = context;
    }

    /// <summary>Whether a check of the fused pass failed or could not be made: the payload is not proven valid.</summary>
    internal bool Unproven { get; set; }

    /// <summary>The options the fused pass checks with.</summary>
    internal ValidationOptions FusedOptions
    {
        get => _fusedOptions;
        set
        {
            _fusedOptions = value;
            AssertsFormats = value.AssertFormats == true;
        }
    }

    /// <summary>Whether <see cref="FusedOptions"/> asks formats to assert, whatever the dialect says.</summary>
    internal bool AssertsFormats { get; private set; }

    /// <summary>Leaves <paramref name="schema"/> pending for the codec about to read the value whose first token is at <paramref name="at"/>.</summary>
    internal void Leave(StreamSchema schema, long at, int depth)
    {
        _pending = schema;
        _pendingAt = at;
        _pendingDepth = depth;
    }

    /// <summary>
    /// Takes the schema pending for the value at the reader's token, if one is: a codec that reads the value's
    /// members or items itself checks them. A codec reading another value (inside a value read as a whole) finds none.
    /// </summary>
    internal StreamSchema? Take(ref readonly Utf8JsonReader reader, out int depth)
    {
        depth = _pendingDepth;
        if (_pending is not { } schema || _pendingAt != reader.TokenStartIndex)
        {
            return null;
        }

        _pending = null;
        return schema;
    }

    /// <summary>Whether a schema is pending (left by the fused pass, not yet taken).</summary>
    internal bool HasPending => _pending is not null;

    /// <summary>Takes the schema still pending, if any (the codec did not take it).</summary>
    internal bool TakeAny([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StreamSchema? schema, out int depth)
    {
        schema = _pending;
        depth = _pendingDepth;
        _pending = null;
        return schema is not null;
    }

    /// <summary>True when nothing has been reported.</summary>
    public bool IsClean => _errors is null;

    /// <summary>Enters an object member.</summary>
    public void Enter(string propertyName) => _path.Add(new Segment(propertyName, -1));

    /// <summary>Enters an array element.</summary>
    public void Enter(int index) => _path.Add(new Segment(null, index));

    /// <summary>Leaves the member or element entered last.</summary>
    public void Exit() => _path.RemoveAt(_path.Count - 1);

    /// <summary>The JSON Pointer of the current position.</summary>
    public string CurrentLocation
    {
        get
        {
            if (_path.Count == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            foreach (var segment in _path)
            {
                if (segment.Name is { } name)
                {
                    JsonPointer.AppendToken(builder, name);
                }
                else
                {
                    builder.Append('/').Append(segment.Index.ToString(CultureInfo.InvariantCulture));
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>Reports a value whose JSON type is not the one the schema asks for.</summary>
    public void ReportTypeMismatch(string expected, JsonTokenType found)
        => Report("type", $"expected {expected}, found {Describe(found)}");

    /// <summary>Reports a value of the right JSON type that does not fit the .NET type chosen for it.</summary>
    public void ReportUnrepresentable(string expected, string reason)
        => Report("binding", $"value cannot be read as {expected}: {reason}; it is kept in the property bag");

    /// <summary>Reports a problem at the current position.</summary>
    public void Report(string keyword, string message)
        => (_errors ??= []).Add(new ValidationError(CurrentLocation, string.Empty, keyword, message));

    /// <summary>The result of binding so far.</summary>
    public ValidationResult ToResult() => _errors is null ? ValidationResult.Valid : ValidationResult.FromErrors(_errors);

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private readonly record struct Segment(string? Name, int Index);
}
