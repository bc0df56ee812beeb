namespace RunComfy.Schema.Interpreted;

/// <summary>The shape of a value, as the generator's <c>ValueKind</c>: it decides how a value is read, checked and written.</summary>
internal enum InterpretedKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary>A media value (<see cref="MediaInput"/>).</summary>
    Media,

    /// <summary>An integer whose minimum and maximum both fit <c>int</c>.</summary>
    Int32,

    /// <summary>Any other integer.</summary>
    Int64,

    /// <summary><c>number</c> (or the non-standard <c>float</c>).</summary>
    Double,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary>A string or integer enum (the generator emits an enum type).</summary>
    Enum,

    /// <summary>Any JSON value the generator cannot type.</summary>
    Json,
}
