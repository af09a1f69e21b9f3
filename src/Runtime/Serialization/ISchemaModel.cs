using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>
/// A generated model: a codec for itself that also knows the schema it was generated from, so that
/// parsing validates the payload against that schema as well as binding it.
/// </summary>
/// <typeparam name="TSelf">The model type.</typeparam>
public interface ISchemaModel<TSelf> : IJsonCodec<TSelf>
    where TSelf : ISchemaModel<TSelf>
{
    /// <summary>The generated validator of the model's schema.</summary>
    static abstract SchemaValidator Validator { get; }

    /// <summary>The URI of the schema resource the model's schema is in (where its dynamic scope starts).</summary>
    static abstract string SchemaResource { get; }

    /// <summary>The model's schema as a single reader pass evaluates it (issue 14's one pass); null where none was generated.</summary>
    static virtual StreamSchema? Stream => null;
}
