namespace Hooksmith.Generator.Schema;

/// <summary>
/// One schema file as the compilation hands it over: its path, its text and the options of its
/// <c>HooksmithSchema</c> item. Compared by value, so an unchanged file keeps every later step cached.
/// </summary>
/// <param name="Path">The file's full path, used in diagnostics.</param>
/// <param name="Text">The file's content.</param>
/// <param name="Namespace">The C# namespace of the generated types.</param>
/// <param name="Dialect">The dialect for a schema without <c>$schema</c>, as written in the item (null for the default).</param>
/// <param name="BaseUri">The URI the file stands for when other schemas refer to it (null: its file URI).</param>
internal sealed record SchemaFileInput(string Path, string Text, string Namespace, string? Dialect, string? BaseUri)
{
    /// <summary>For a JSON Schema file whose root is a webhook event's payload: the event type it is tagged with (<c>customer.order.updated</c>).</summary>
    public string? EventName { get; init; }

    /// <summary>For an OpenAPI document: which sections list its events (<c>Events</c> item metadata).</summary>
    public EventSources EventsFrom { get; init; } = EventSources.Webhooks;

    /// <summary>
    /// The file's path relative to the project directory, with forward slashes
    /// (<c>../../schemas/voucherify/common.json</c>); null when the project directory is not known.
    /// </summary>
    public string? ProjectRelativePath { get; init; }

    /// <summary>
    /// The path generated code records (file headers, documentation, the catalog): the project-relative
    /// path, so that every clone of a project generates the same sources; else the full path, normalised.
    /// </summary>
    public string SourcePath => ProjectRelativePath ?? Schema.SourcePath.Normalize(Path);

    /// <summary>The file's name without its folder, as diagnostics and generated comments quote it.</summary>
    public string FileName
    {
        get
        {
            var index = System.Math.Max(Path.LastIndexOf('/'), Path.LastIndexOf('\\'));
            return index < 0 ? Path : Path.Substring(index + 1);
        }
    }
}
