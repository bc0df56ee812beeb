namespace RunComfy;

/// <summary>One input parameter of a model, as its schema describes it (for tools that work by model id).</summary>
public sealed record ModelParameter
{
    /// <summary>The JSON property name, e.g. <c>image_size</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The C# property name on the generated request, e.g. <c>ImageSize</c>.</summary>
    public required string PropertyName { get; init; }

    /// <summary>The JSON Schema type: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>array</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The <c>format</c>, e.g. <c>image_uri</c> or <c>image_uris</c>.</summary>
    public string? Format { get; init; }

    /// <summary>For arrays: the item type, when the schema gives one.</summary>
    public string? ItemType { get; init; }

    /// <summary>For arrays: the item format, when the schema gives one.</summary>
    public string? ItemFormat { get; init; }

    /// <summary>True for media inputs (image, video or audio URIs, single or array).</summary>
    public bool IsMedia { get; init; }

    /// <summary>Whether the schema lists the parameter in <c>required</c>.</summary>
    public bool Required { get; init; }

    /// <summary>The schema's <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The schema's <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>default</c> as JSON text (<c>"png"</c>, <c>3</c>), or null when none is given.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>The allowed values as JSON text, or null when the parameter is not an enum.</summary>
    public IReadOnlyList<string>? EnumJson { get; init; }

    /// <summary>The <c>minimum</c>.</summary>
    public double? Minimum { get; init; }

    /// <summary>The <c>maximum</c>.</summary>
    public double? Maximum { get; init; }

    /// <summary>The <c>exclusiveMinimum</c>.</summary>
    public double? ExclusiveMinimum { get; init; }

    /// <summary>The <c>exclusiveMaximum</c>.</summary>
    public double? ExclusiveMaximum { get; init; }

    /// <summary>The <c>minLength</c>, in Unicode code points.</summary>
    public int? MinLength { get; init; }

    /// <summary>The <c>maxLength</c>, in Unicode code points.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The <c>minItems</c>.</summary>
    public int? MinItems { get; init; }

    /// <summary>The <c>maxItems</c>.</summary>
    public int? MaxItems { get; init; }

    /// <summary>The <c>pattern</c> (ECMA 262 regular expression).</summary>
    public string? Pattern { get; init; }

    /// <summary>The <c>validations</c> rules checked on the media itself.</summary>
    public IReadOnlyList<MediaRule> MediaRules { get; init; } = [];
}
