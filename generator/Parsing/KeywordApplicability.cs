using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Reports, with RCS0026, a valid keyword that the generated code does not check because it does not
    /// apply to the property's C# shape: <c>minLength</c> on an integer, <c>minimum</c> on a string,
    /// <c>minItems</c> on a string, any of them on a property with no type, <c>pattern</c> on an enum.
    /// Without this they would be skipped silently and a user would believe them enforced.
    /// </summary>
    internal static class KeywordApplicability
    {
        private static readonly string[] TextKeywords = { "minLength", "maxLength", "pattern" };
        private static readonly string[] ArrayKeywords = { "minItems", "maxItems" };

        public static void Report(RawProperty raw, ValueKind kind, bool isArray, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            bool text = !isArray && (kind == ValueKind.String || kind == ValueKind.Media);
            bool number = !isArray && (kind == ValueKind.Int32 || kind == ValueKind.Int64 || kind == ValueKind.Double);
            string shape = Shape(raw, kind, isArray);

            void NotChecked(JProperty keyword) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeywordNotForType, locator.Of(keyword), raw.Name, keyword.Name, shape));

            if (!text)
            {
                foreach (string keyword in TextKeywords)
                {
                    if (raw.Schema.Property(keyword) is JProperty found)
                    {
                        NotChecked(found);
                    }
                }
            }

            if (!number)
            {
                foreach (JProperty found in raw.Limits.Read)
                {
                    NotChecked(found);
                }
            }

            if (!isArray)
            {
                foreach (string keyword in ArrayKeywords)
                {
                    if (raw.Schema.Property(keyword) is JProperty found)
                    {
                        NotChecked(found);
                    }
                }
            }
        }

        private static string Shape(RawProperty raw, ValueKind kind, bool isArray)
        {
            if (isArray)
            {
                return "an array property (only minItems, maxItems and the keywords inside items apply)";
            }

            switch (kind)
            {
                case ValueKind.String:
                case ValueKind.Media:
                    return "a string property";
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return "an integer property";
                case ValueKind.Double:
                    return "a number property";
                case ValueKind.Boolean:
                    return "a boolean property";
                case ValueKind.Enum:
                    return "an enum property (only its listed values are checked)";
                default:
                    return raw.Type == "object" ? "an object property (generated as JsonElement)"
                        : raw.Schema["type"] is null ? "a property with no type (generated as JsonElement)"
                        : "a property without one supported type (generated as JsonElement)";
            }
        }
    }
}
