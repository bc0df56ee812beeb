using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunComfy.SchemaClient.Generator.Diagnostics
{
    /// <summary>Every diagnostic the generator reports. Ids are public: docs/generator.md lists them.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "RunComfy.SchemaClient";

        /// <summary>
        /// Where the diagnostics table lives; each id links to its row (anchor <c>#rcs0001</c>...). The one
        /// place to change when the documentation moves; the same repository as RunComfyRepositoryUrl (Directory.Build.props),
        /// which the package names (HelpLinkTests).
        /// </summary>
        public const string HelpLinkBase = "https://github.com/runcomfy/runcomfy-schemaclient-dotnet/blob/main/docs/generator.md";

        public static readonly DiagnosticDescriptor InvalidJson = Error(
            "RCS0001", "Schema is not valid JSON",
            "The schema is not valid JSON and generates nothing: {0}");

        public static readonly DiagnosticDescriptor UnknownType = Warning(
            "RCS0002", "Unknown property type",
            "Property '{0}' has the unknown type '{1}'; it is generated as JsonElement and its value is not checked");

        public static readonly DiagnosticDescriptor UnknownValidationRule = Warning(
            "RCS0003", "Unknown validations rule",
            "Property '{0}' has the validations rule '{1}', which the generator does not know; it is kept as data for the runtime");

        public static readonly DiagnosticDescriptor EmptyPropertyName = Warning(
            "RCS0004", "Empty property name",
            "Property name '{0}' has no letter or digit; its member is named '{1}'");

        public static readonly DiagnosticDescriptor KeywordPropertyName = Warning(
            "RCS0005", "Property name is a C# keyword",
            "Property name '{0}' is a C# keyword; its member is named '{1}'");

        public static readonly DiagnosticDescriptor MemberNameClash = Warning(
            "RCS0006", "Property name clash",
            "Property '{0}' maps to the member name '{1}', which {2}; it is named '{3}' instead");

        public static readonly DiagnosticDescriptor RequiredWithoutProperty = Warning(
            "RCS0007", "Required name without a property",
            "'{0}' is listed in required but the schema has no such property; it is ignored");

        public static readonly DiagnosticDescriptor FloatType = Warning(
            "RCS0008", "Non-standard type 'float'",
            "Property '{0}' has the non-standard type 'float'; it is read as 'number' (double)");

        public static readonly DiagnosticDescriptor InvalidModelId = Error(
            "RCS0009", "Invalid model id",
            "'{0}' is not a usable model id ({1}); the schema generates nothing. Place the file at schemas/<owner>/<model>[/<variant>].json, or give its item the ModelId metadata: <RunComfySchema Include=\"path/to/schema.json\" ModelId=\"owner/model\" />.");

        public static readonly DiagnosticDescriptor DuplicateModelId = Error(
            "RCS0010", "Duplicate model id",
            "The model id '{0}' is already generated from '{1}'; this schema generates nothing");

        public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
            "RCS0011", "Duplicate request type",
            "Model '{0}' maps to the type '{1}', which model '{2}' already generates; this schema generates nothing");

        public static readonly DiagnosticDescriptor EnumMemberClash = Warning(
            "RCS0012", "Enum member name clash",
            "Enum value {0} of property '{1}' maps to the member name '{2}', which another value already has; it is named '{3}' instead");

        public static readonly DiagnosticDescriptor EnumTypeNameClash = Warning(
            "RCS0013", "Enum type name clash",
            "The enum type '{0}' for property '{1}' clashes with another generated type; it is named '{2}' instead");

        public static readonly DiagnosticDescriptor InvalidSchema = Error(
            "RCS0014", "Schema cannot be read",
            "The schema cannot be read and generates nothing: {0}");

        public static readonly DiagnosticDescriptor GeneratorFailure = Error(
            "RCS0015", "Generator failure",
            "Generating the schema failed ({0}); please report this with the schema");

        public static readonly DiagnosticDescriptor IgnoredKeyword = Warning(
            "RCS0016", "Keyword ignored",
            "Property '{0}': {1}; the keyword is ignored");

        public static readonly DiagnosticDescriptor SkippedProperty = Warning(
            "RCS0017", "Property skipped",
            "Property '{0}' is not a schema object; it is skipped");

        public static readonly DiagnosticDescriptor UnsupportedKeyword = Warning(
            "RCS0018", "Keyword not supported",
            "Property '{0}' uses the keyword '{1}', which the generator does not support; values are not checked against it");

        public static readonly DiagnosticDescriptor DuplicateEnumValue = Warning(
            "RCS0019", "Duplicate enum value",
            "The enum of property '{0}' lists {1} more than once; the repeat is ignored");

        public static readonly DiagnosticDescriptor TypeNameCaseClash = Warning(
            "RCS0020", "Request type differs only by case",
            "Model '{0}' maps to the type '{1}', which differs only by case from '{2}' (model '{3}'); generated files must differ without case, so it is named '{4}'");

        public static readonly DiagnosticDescriptor SchemaTooLarge = Error(
            "RCS0021", "Schema too large",
            "The schema is {0} characters long, over the limit of {1}; it generates nothing");

        public static readonly DiagnosticDescriptor UnwritableValue = Error(
            "RCS0022", "Value cannot be written as C#",
            "The schema cannot be generated: {0}; it generates nothing");

        public static readonly DiagnosticDescriptor ReferenceNotFollowed = Warning(
            "RCS0025", "Reference not followed",
            "The '$ref' at '{0}' names '{1}'; the generator never follows references (a schema is read offline, with no file or network access), so it is ignored");

        public static readonly DiagnosticDescriptor KeywordNotForType = Warning(
            "RCS0026", "Keyword does not apply to the type",
            "Property '{0}': '{1}' does not apply to {2}; values are not checked against it");

        public static readonly DiagnosticDescriptor NullType = Warning(
            "RCS0027", "Type 'null' not supported",
            "Property '{0}' has the type 'null'; it is generated as JsonElement and its value is not checked");

        public static readonly DiagnosticDescriptor UnsupportedRootKeyword = Warning(
            "RCS0028", "Root keyword not supported",
            "The schema root uses the keyword '{0}', which the generator does not support; requests are not checked against it");

        public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
        {
            InvalidJson, UnknownType, UnknownValidationRule, EmptyPropertyName, KeywordPropertyName, MemberNameClash,
            RequiredWithoutProperty, FloatType, InvalidModelId, DuplicateModelId, DuplicateTypeName, EnumMemberClash,
            EnumTypeNameClash, InvalidSchema, GeneratorFailure, IgnoredKeyword, SkippedProperty, UnsupportedKeyword,
            DuplicateEnumValue, TypeNameCaseClash, SchemaTooLarge, UnwritableValue, ReferenceNotFollowed, KeywordNotForType, NullType,
            UnsupportedRootKeyword,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = All.ToDictionary(d => d.Id);

        public static DiagnosticDescriptor ById(string id) => ByIdMap[id];

        /// <summary>The help link of an id: its row in the diagnostics table of docs/generator.md.</summary>
        public static string HelpLink(string id) => HelpLinkBase + "#" + id.ToLowerInvariant();

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
    }
}
