namespace RunComfy.Schema.Interpreted;

/// <summary>The generator's diagnostics (ids and message texts of <c>DiagnosticDescriptors</c>) for the problems the interpreter finds too.</summary>
internal static class SchemaProblems
{
    public static SchemaProblem InvalidJson(string detail) => Error("RCS0001", $"The schema is not valid JSON and generates nothing: {detail}");

    public static SchemaProblem UnknownType(string property, string type) => Warning("RCS0002", $"Property '{property}' has the unknown type '{type}'; it is generated as JsonElement and its value is not checked");

    public static SchemaProblem UnknownValidationRule(string property, string rule) => Warning("RCS0003", $"Property '{property}' has the validations rule '{rule}', which the generator does not know; it is kept as data for the runtime");

    public static SchemaProblem EmptyPropertyName(string property, string member) => Warning("RCS0004", $"Property name '{property}' has no letter or digit; its member is named '{member}'");

    public static SchemaProblem MemberNameClash(string property, string name, string reason, string renamed) => Warning("RCS0006", $"Property '{property}' maps to the member name '{name}', which {reason}; it is named '{renamed}' instead");

    public static SchemaProblem RequiredWithoutProperty(string name) => Warning("RCS0007", $"'{name}' is listed in required but the schema has no such property; it is ignored");

    public static SchemaProblem FloatType(string property) => Warning("RCS0008", $"Property '{property}' has the non-standard type 'float'; it is read as 'number' (double)");

    public static SchemaProblem InvalidModelId(string modelId, string problem) => Error("RCS0009", $"'{modelId}' is not a usable model id ({problem}); the schema generates nothing. Place the file at schemas/<owner>/<model>[/<variant>].json, or give its item the ModelId metadata: <RunComfySchema Include=\"path/to/schema.json\" ModelId=\"owner/model\" />.");

    public static SchemaProblem EnumMemberClash(string value, string property, string name, string renamed) => Warning("RCS0012", $"Enum value {value} of property '{property}' maps to the member name '{name}', which another value already has; it is named '{renamed}' instead");

    public static SchemaProblem SchemaTooLarge(int length, int limit) => Error("RCS0021", $"The schema is {length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long, over the limit of {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}; it generates nothing");

    public static SchemaProblem UnwritableValue(string detail) => Error("RCS0022", $"The schema cannot be generated: {detail}; it generates nothing");

    public static SchemaProblem InvalidSchema(string detail) => Error("RCS0014", $"The schema cannot be read and generates nothing: {detail}");

    public static SchemaProblem IgnoredKeyword(string property, string problem) => Warning("RCS0016", $"Property '{property}': {problem}; the keyword is ignored");

    public static SchemaProblem SkippedProperty(string property) => Warning("RCS0017", $"Property '{property}' is not a schema object; it is skipped");

    public static SchemaProblem UnsupportedKeyword(string property, string keyword) => Warning("RCS0018", $"Property '{property}' uses the keyword '{keyword}', which the generator does not support; values are not checked against it");

    public static SchemaProblem DuplicateEnumValue(string property, string value) => Warning("RCS0019", $"The enum of property '{property}' lists {value} more than once; the repeat is ignored");

    private static SchemaProblem Error(string id, string message) => new(id, message, IsError: true);

    private static SchemaProblem Warning(string id, string message) => new(id, message, IsError: false);
}
