namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>
/// The suite groups and cases a RunComfy request cannot express, each with the reason. A group listed
/// without a case excludes all its cases. Nothing else is skipped: every other case runs, and an entry
/// that names no group or case of the copied files fails <c>Every_exclusion_names_a_suite_group_or_case_and_gives_a_reason</c>.
/// </summary>
public static class SuiteExclusions
{
    private const string BodyIsAnObject =
        "A request body is a JSON object: FromJson refuses any other JSON value, where the suite's schema ignores non-objects.";

    private const string TypedProperty =
        "Generated properties are typed: the wrapped property gets the type its keyword applies to, and FromJson refuses a value of another JSON type, where the suite's untyped schema ignores it.";

    private const string NullIsUnset =
        "JSON null in a request means 'not set': the wrapped (required) property reports it missing, so null can neither be required nor pass a required input.";

    private const string UnknownInputs =
        "FromJson refuses inputs the model does not declare (a misspelt input must not be dropped silently), where JSON Schema allows additional properties by default.";

    private const string RequiredWithoutProperty =
        "A required name with no property is ignored with warning RCS0007: a request has only the inputs its schema declares, so it cannot demand an undeclared one.";

    private const string UntypedJson =
        "A property of type object, of several types or of type null is generated as JsonElement (docs/generator.md, types): its JSON type is not checked, so the valid cases would pass without proving anything.";

    private const string NoStructuredConst =
        "Only string, integer, number and boolean enum/const values are generated: enum/const of arrays, objects, null, mixed types or an empty enum have no C# form.";

    private const string NoBooleanEnum =
        "enum on a boolean property is dropped with warning RCS0016 (enum is generated for strings and numbers); the remaining cases would pass on the type check alone.";

    private const string NoReferences =
        "Schemas are untrusted and no reference is resolved ($ref, $defs): the generator reports the keyword and does not check it.";

    private const string NoTupleOrBooleanItems =
        "prefixItems, boolean schemas and nested items are not generated (warning RCS0018): an array property has one item type with flat rules.";

    private const string NoPatternProperties =
        "patternProperties is not generated (warning RCS0018): a request has a fixed set of named inputs.";

    private const string LongUnicodePropertyNames =
        ".NET regular expressions know only the short Unicode category names (\\p{L}, \\p{Nd}); the generator's pattern check (generator/Parsing) drops \\p{Letter} and \\p{digit} with RCS0016, so the pattern is not checked.";

    private const string BooleanPropertySchema =
        "A property whose schema is true or false is skipped with warning RCS0017: an input is declared by an object schema.";

    private const string NestedObject =
        "A property's own properties are not generated (warning RCS0018): the nested object is a JsonElement whose content is not checked.";

    /// <summary>One excluded group (<see cref="Case"/> null) or case.</summary>
    public sealed record Exclusion(string File, string Group, string? Case, string Reason);

    /// <summary>Every exclusion, by file then group.</summary>
    public static IReadOnlyList<Exclusion> All { get; } =
    [
        new("const.json", "const with [false] does not match [0]", null, NoStructuredConst),
        new("const.json", "const with [true] does not match [1]", null, NoStructuredConst),
        new("const.json", "const with array", null, NoStructuredConst),
        new("const.json", "const with null", null, NoStructuredConst),
        new("const.json", "const with object", null, NoStructuredConst),
        new("const.json", "const with {\"a\": false} does not match {\"a\": 0}", null, NoStructuredConst),
        new("const.json", "const with {\"a\": true} does not match {\"a\": 1}", null, NoStructuredConst),
        new("enum.json", "empty enum", null, NoStructuredConst),
        new("enum.json", "enum with [0] does not match [false]", null, NoStructuredConst),
        new("enum.json", "enum with [1] does not match [true]", null, NoStructuredConst),
        new("enum.json", "enum with [false] does not match [0]", null, NoStructuredConst),
        new("enum.json", "enum with [true] does not match [1]", null, NoStructuredConst),
        new("enum.json", "enum with false does not match 0", null, NoBooleanEnum),
        new("enum.json", "enum with true does not match 1", null, NoBooleanEnum),
        new("enum.json", "heterogeneous enum validation", null, NoStructuredConst),
        new("enum.json", "heterogeneous enum-with-null validation", null, NoStructuredConst),
        new("exclusiveMaximum.json", "exclusiveMaximum validation", "ignores non-numbers", TypedProperty),
        new("exclusiveMinimum.json", "exclusiveMinimum validation", "ignores non-numbers", TypedProperty),
        new("items.json", "a schema given for items", "ignores non-arrays", TypedProperty),
        new("items.json", "a schema given for items", "JavaScript pseudo-array is valid", TypedProperty),
        new("items.json", "items and subitems", null, NoReferences),
        new("items.json", "items with boolean schema (true)", null, NoTupleOrBooleanItems),
        new("items.json", "items with boolean schema (false)", null, NoTupleOrBooleanItems),
        new("items.json", "nested items", null, NoTupleOrBooleanItems),
        new("items.json", "prefixItems with no additional items allowed", null, NoTupleOrBooleanItems),
        new("items.json", "items does not look in applicators, valid case", null, NoTupleOrBooleanItems),
        new("items.json", "prefixItems validation adjusts the starting index for items", null, NoTupleOrBooleanItems),
        new("items.json", "items with heterogeneous array", null, NoTupleOrBooleanItems),
        new("maxItems.json", "maxItems validation", "ignores non-arrays", TypedProperty),
        new("maxLength.json", "maxLength validation", "ignores non-strings", TypedProperty),
        new("maximum.json", "maximum validation", "ignores non-numbers", TypedProperty),
        new("minItems.json", "minItems validation", "ignores non-arrays", TypedProperty),
        new("minLength.json", "minLength validation", "ignores non-strings", TypedProperty),
        new("minimum.json", "minimum validation", "ignores non-numbers", TypedProperty),
        new("minimum.json", "minimum validation with signed integer", "ignores non-numbers", TypedProperty),
        new("optional/ecmascript-regex.json", "patterns always use unicode semantics with patternProperties", null, NoPatternProperties),
        new("optional/ecmascript-regex.json", "\\w in patternProperties matches [A-Za-z0-9_], not unicode letters", null, NoPatternProperties),
        new("optional/ecmascript-regex.json", "patternProperties with ASCII ranges", null, NoPatternProperties),
        new("optional/ecmascript-regex.json", "\\d in patternProperties matches [0-9], not unicode digits", null, NoPatternProperties),
        new("optional/ecmascript-regex.json", "patternProperties with non-ASCII digits", null, NoPatternProperties),
        new("optional/ecmascript-regex.json", "patterns always use unicode semantics with pattern", null, LongUnicodePropertyNames),
        new("optional/ecmascript-regex.json", "pattern with non-ASCII digits", null, LongUnicodePropertyNames),
        new("pattern.json", "pattern validation", "ignores booleans", TypedProperty),
        new("pattern.json", "pattern validation", "ignores integers", TypedProperty),
        new("pattern.json", "pattern validation", "ignores floats", TypedProperty),
        new("pattern.json", "pattern validation", "ignores objects", TypedProperty),
        new("pattern.json", "pattern validation", "ignores arrays", TypedProperty),
        new("pattern.json", "pattern validation", "ignores null", NullIsUnset),
        new("pattern.json", "pattern with Unicode property escape requires unicode mode", null, LongUnicodePropertyNames),
        new("properties.json", "object properties validation", "doesn't invalidate other properties", UnknownInputs),
        new("properties.json", "object properties validation", "ignores arrays", BodyIsAnObject),
        new("properties.json", "object properties validation", "ignores other non-objects", BodyIsAnObject),
        new("properties.json", "properties, patternProperties, additionalProperties interaction", null, NoPatternProperties),
        new("properties.json", "properties with boolean schema", null, BooleanPropertySchema),
        new("properties.json", "properties whose names are Javascript object property names", "ignores arrays", BodyIsAnObject),
        new("properties.json", "properties whose names are Javascript object property names", "ignores other non-objects", BodyIsAnObject),
        new("properties.json", "properties whose names are Javascript object property names", "toString not valid", NestedObject),
        new("required.json", "required validation", "ignores arrays", BodyIsAnObject),
        new("required.json", "required validation", "ignores strings", BodyIsAnObject),
        new("required.json", "required validation", "ignores other non-objects", BodyIsAnObject),
        new("required.json", "required validation", "ignores null", BodyIsAnObject),
        new("required.json", "required validation", "ignores boolean", BodyIsAnObject),
        new("required.json", "required with escaped characters", null, RequiredWithoutProperty),
        new("required.json", "required properties whose names are Javascript object property names", null, RequiredWithoutProperty),
        new("items.json", "items with null instance elements", null, UntypedJson),
        new("properties.json", "properties with null valued instance properties", null, UntypedJson),
        new("type.json", "object type matches objects", null, UntypedJson),
        new("type.json", "null type matches only the null object", null, UntypedJson),
        new("type.json", "multiple types can be specified in an array", null, UntypedJson),
        new("type.json", "type: array or object", null, UntypedJson),
        new("type.json", "type: array, object or null", null, UntypedJson),
    ];

    /// <summary>The reason <paramref name="test"/> is not run, or null when it runs.</summary>
    public static string? ReasonFor(SuiteCase test) =>
        All.FirstOrDefault(e => e.File == test.File && e.Group == test.Group && (e.Case is null || e.Case == test.Description))?.Reason;
}
