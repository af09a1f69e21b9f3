namespace Hooksmith.Serialization;

/// <summary>How a generated union decided which variant its value is.</summary>
public enum UnionChoiceKind
{
    /// <summary>No variant: the value accepts none and binds to none.</summary>
    None,

    /// <summary>A discriminating property (a <c>const</c>, a one-value <c>enum</c>, an OpenAPI discriminator) named the variant.</summary>
    Discriminated,

    /// <summary>Nothing discriminated, and exactly one variant's schema accepts the value.</summary>
    OnlyValid,

    /// <summary>Nothing discriminated, and several variants' schemas accept the value: the first of them is chosen.</summary>
    SeveralValid,

    /// <summary>No variant's schema accepts the value: the first variant it binds to (without a problem, if any does) is chosen.</summary>
    NoneValid,
}
