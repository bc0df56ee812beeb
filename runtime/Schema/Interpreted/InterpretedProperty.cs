namespace RunComfy.Schema.Interpreted;

/// <summary>
/// One property of a model loaded at run time: the same facts the generator's <c>PropertySpec</c> holds,
/// so the checks and the JSON follow the same decisions. Numbers are JSON text, as in the generated literals.
/// </summary>
internal sealed record InterpretedProperty
{
    public required string JsonName { get; init; }

    public required string MemberName { get; init; }

    public required bool IsArray { get; init; }

    public required InterpretedKind Kind { get; init; }

    public required bool Required { get; init; }

    public required string SchemaType { get; init; }

    public string? Format { get; init; }

    public string? ItemType { get; init; }

    public string? ItemFormat { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? DefaultJson { get; init; }

    /// <summary>The enum values as JSON text (empty when the enum is ignored).</summary>
    public IReadOnlyList<string> EnumJson { get; init; } = [];

    /// <summary>For <see cref="InterpretedKind.Enum"/>: whether it is a string enum.</summary>
    public bool EnumIsString { get; init; }

    /// <summary>For a string enum: the distinct values.</summary>
    public IReadOnlyList<string> StringMembers { get; init; } = [];

    /// <summary>For an integer enum: the distinct values.</summary>
    public IReadOnlyList<long> IntegerMembers { get; init; } = [];

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public string? Pattern { get; init; }

    /// <summary>The <c>const</c> as JSON text, when it fits the property's type.</summary>
    public string? ConstJson { get; init; }

    public string? ValidationError { get; init; }

    public IReadOnlyList<MediaRule> MediaRules { get; init; } = [];

    public InterpretedItemRules? ItemRules { get; init; }

    /// <summary>Whether the generated member is a value type (no <c>required</c> check: a missing value cannot be expressed).</summary>
    public bool IsValueType => !IsArray && Kind != InterpretedKind.String && Kind != InterpretedKind.Media;
}
