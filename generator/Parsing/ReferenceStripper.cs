using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Removes every <c>$ref</c> from a schema before anything else reads it, each with warning RCS0025 at
    /// its place. The generator never follows a reference: a schema is untrusted input, and following
    /// <c>http://...</c> would make the build fetch whatever the schema names. Values of data keywords
    /// (<c>default</c>, <c>const</c>, <c>enum</c>, <c>examples</c>, <c>validations</c>) are instances, not
    /// schemas, and are left alone; everything else is treated as a schema, so nothing slips through.
    /// </summary>
    internal static class ReferenceStripper
    {
        private static readonly HashSet<string> DataKeywords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "default", "const", "enum", "examples", "validations",
        };

        // Keywords whose value maps names to schemas: the names are not keywords.
        private static readonly HashSet<string> SchemaMapKeywords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "properties", "definitions", "$defs", "patternProperties", "dependentSchemas", "dependencies",
        };

        public static void Strip(JObject root, JsonLocator locator, List<DiagnosticInfo> diagnostics) =>
            VisitSchema(root, locator, diagnostics);

        private static void VisitSchema(JObject schema, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            if (schema.Property("$ref") is JProperty reference)
            {
                string target = reference.Value.Type == JTokenType.String ? (string)reference.Value! : reference.Value.ToString(Newtonsoft.Json.Formatting.None);
                string where = schema.Path.Length == 0 ? "(root)" : schema.Path;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceNotFollowed, locator.Of(reference), DiagnosticText.Quote(where), DiagnosticText.Quote(target)));
                reference.Remove();
            }

            foreach (JProperty member in schema.Properties().ToList())
            {
                if (DataKeywords.Contains(member.Name))
                {
                    continue;
                }

                if (SchemaMapKeywords.Contains(member.Name) && member.Value is JObject map)
                {
                    foreach (JProperty entry in map.Properties().ToList())
                    {
                        VisitValue(entry.Value, locator, diagnostics);
                    }

                    continue;
                }

                VisitValue(member.Value, locator, diagnostics);
            }
        }

        private static void VisitValue(JToken value, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            switch (value)
            {
                case JObject schema:
                    VisitSchema(schema, locator, diagnostics);
                    break;
                case JArray list:
                    foreach (JToken item in list.ToList())
                    {
                        VisitValue(item, locator, diagnostics);
                    }

                    break;
            }
        }
    }
}
