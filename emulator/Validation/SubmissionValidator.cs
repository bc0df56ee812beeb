using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Checks a submission body against one model's input schema: JSON Schema keywords through NJsonSchema,
/// and string lengths, media formats and <c>validations</c> through <see cref="OwnRules"/>. It never uses
/// the generated request types, so the emulator and the client check each other.
/// </summary>
internal sealed class SubmissionValidator
{
    private readonly JObject _rawSchema;
    private readonly Lazy<JsonSchema> _schema;

    public SubmissionValidator(JObject rawSchema)
    {
        _rawSchema = rawSchema;
        _schema = new Lazy<JsonSchema>(() => OfflineSchemaReader.Read(rawSchema));
    }

    /// <summary>
    /// Loads the NJsonSchema form now, so a schema it cannot read fails at start, not on the first submit,
    /// and validates once so whatever NJsonSchema resolves lazily is resolved before submissions share it.
    /// </summary>
    public void Prepare() => _ = _schema.Value.Validate(new JObject());

    /// <summary>
    /// The input errors of one submission. Submissions to one model validate in parallel (no lock): the
    /// loaded schema is only read, and the one slow check, <c>pattern</c>, runs under
    /// <paramref name="patternBudget"/> (two seconds when not given).
    /// </summary>
    public IReadOnlyList<InputError> Validate(string body, IMediaSource? media, bool rejectUnknownInputs = false, TimeSpan? patternBudget = null)
    {
        JToken instance;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            instance = JToken.ReadFrom(reader);
            if (reader.Read()) return [new InputError(FieldPath.Root, "json", "The body has content after its JSON value.")];
        }
        catch (JsonReaderException ex)
        {
            return [new InputError(FieldPath.Root, "json", $"The body is not valid JSON: {ex.Message}")];
        }
        if (instance is not JObject) return [new InputError(FieldPath.Root, "type", "The body must be a JSON object: the model's input itself.")];

        var errors = new List<InputError>();
        ICollection<ValidationError> schemaErrors;
        schemaErrors = _schema.Value.Validate(instance);
        foreach (var error in schemaErrors) AddFlattened(error, errors);
        OwnRules.Check(_rawSchema, instance, FieldPath.Root, media, new PatternChecker(patternBudget ?? TimeSpan.FromSeconds(2)), errors);
        if (rejectUnknownInputs) AddUnknownInputs((JObject)instance, errors);
        return errors;
    }

    private void AddUnknownInputs(JObject body, List<InputError> errors)
    {
        var known = _rawSchema["properties"] as JObject;
        foreach (var property in body.Properties())
        {
            if (known?.ContainsKey(property.Name) == true) continue;
            errors.Add(new InputError(FieldPath.Root.Property(property.Name), "additionalProperties", "The model has no such input."));
        }
    }

    private static void AddFlattened(ValidationError error, List<InputError> errors)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.Values.SelectMany(e => e)) AddFlattened(nested, errors);
            return;
        }
        var path = FieldPath.ParseNJsonSchemaPath(error.Path);
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property && path.Segments.Count == 0)
            path = path.Property(property);
        errors.Add(new InputError(path, RuleOf(error.Kind), MessageOf(error)));
    }

    private static string RuleOf(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.PropertyRequired => "required",
        ValidationErrorKind.NotInEnumeration => "enum",
        ValidationErrorKind.NumberTooSmall => "minimum",
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => "maximum",
        ValidationErrorKind.TooManyItems => "maxItems",
        ValidationErrorKind.TooFewItems => "minItems",
        ValidationErrorKind.PatternMismatch => "pattern",
        ValidationErrorKind.ItemsNotUnique => "uniqueItems",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "additionalProperties",
        ValidationErrorKind.NumberNotMultipleOf => "multipleOf",
        ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
            or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
            or ValidationErrorKind.NullExpected => "type",
        _ => kind.ToString(),
    };

    private static string MessageOf(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "This input is required.",
            ValidationErrorKind.NotInEnumeration => $"The value must be one of: {string.Join(", ", schema.Enumeration.Select(Format))}.",
            ValidationErrorKind.NumberTooSmall => $"The value must be at least {Format(schema.Minimum)}{(schema.IsExclusiveMinimum ? " (exclusive)" : "")}.",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"The value must be at most {Format(schema.Maximum)}{(schema.IsExclusiveMaximum ? " (exclusive)" : "")}.",
            ValidationErrorKind.TooManyItems => $"At most {schema.MaxItems} item(s) are allowed.",
            ValidationErrorKind.TooFewItems => $"At least {schema.MinItems} item(s) are required.",
            ValidationErrorKind.StringExpected => "The value must be a string.",
            ValidationErrorKind.NumberExpected => "The value must be a number.",
            ValidationErrorKind.IntegerExpected => "The value must be an integer.",
            ValidationErrorKind.BooleanExpected => "The value must be true or false.",
            ValidationErrorKind.ObjectExpected => "The value must be an object.",
            ValidationErrorKind.ArrayExpected => "The value must be an array.",
            _ => $"The value breaks the schema rule {error.Kind}.",
        };
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
