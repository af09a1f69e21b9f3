namespace Hooksmith.Generator;

/// <summary>Names of the pipeline's steps, so tests can check which ran and why.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Read = nameof(Read);
    public const string Plan = nameof(Plan);
    public const string Registry = nameof(Registry);
    public const string Link = nameof(Link);
    public const string Outputs = nameof(Outputs);
    public const string Catalog = nameof(Catalog);
    public const string Events = nameof(Events);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Lock = nameof(Lock);
    public const string Drift = nameof(Drift);
}
