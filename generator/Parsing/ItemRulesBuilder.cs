using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The keywords inside <c>items</c> that <c>Validate()</c> checks on every item: <c>enum</c>,
    /// <c>minLength</c>/<c>maxLength</c>/<c>pattern</c> on string and media items, <c>minimum</c>/<c>maximum</c>
    /// (and exclusive forms) and <c>enum</c> on integer and number items. A keyword that does not fit the
    /// item type gets RCS0018.
    /// </summary>
    internal static class ItemRulesBuilder
    {
        public static ItemRulesSpec? Build(RawProperty raw, ValueKind kind, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            if (raw.ItemsSchema is not JObject items)
            {
                return null;
            }

            bool isText = kind == ValueKind.String || kind == ValueKind.Media;
            bool isNumber = kind == ValueKind.Int64 || kind == ValueKind.Double;
            NumberLimits limits = raw.ItemLimits;

            void Unsupported(string keyword)
            {
                if (items.Property(keyword) is JProperty property)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, locator.Of(property), raw.Name, "items." + keyword));
                }
            }

            int? minLength = null, maxLength = null;
            string? pattern = null;
            if (isText)
            {
                minLength = SchemaParser.Count(items, "minLength");
                maxLength = SchemaParser.Count(items, "maxLength");
                pattern = (items["pattern"] as JValue)?.Value as string;
            }
            else
            {
                Unsupported("minLength");
                Unsupported("maxLength");
                Unsupported("pattern");
            }

            if (!isNumber)
            {
                foreach (string keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
                {
                    if (raw.ItemsSchema.Property(keyword) is null && HasLimit(limits, keyword))
                    {
                        // Already removed from the item schema by the normaliser: report at the items object.
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedKeyword, locator.Of(items), raw.Name, "items." + keyword));
                    }
                }

                limits = new NumberLimits();
            }

            var enumJson = new List<string>();
            if (items["enum"] is JArray values)
            {
                if (kind == ValueKind.String || isNumber)
                {
                    // Strings as their value (the emitter writes C# literals), numbers as finite C#-ready number text.
                    foreach (JToken value in values)
                    {
                        string? text = ItemEnumValue(value, kind, out string problem);
                        if (text is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(value), raw.Name, "items.enum value " + problem));
                            enumJson.Clear();
                            break;
                        }

                        enumJson.Add(text);
                    }
                }
                else
                {
                    Unsupported("enum");
                }
            }

            var spec = new ItemRulesSpec(enumJson.ToEquatableArray(), minLength, maxLength, pattern, limits.Minimum, limits.Maximum, limits.ExclusiveMinimum, limits.ExclusiveMaximum);
            return spec.IsEmpty ? null : spec;
        }

        private static string? ItemEnumValue(JToken value, ValueKind kind, out string problem)
        {
            problem = string.Empty;
            switch (kind)
            {
                case ValueKind.String when value.Type == JTokenType.String:
                    return (string)value!;
                case ValueKind.Int64 when NumberValues.TryInt64(value, out long integer):
                    return integer.ToString(CultureInfo.InvariantCulture);
                case ValueKind.Double when NumberValues.TryDouble(value, out string number):
                    return number;
                case ValueKind.Int64 when NumberValues.IsNumber(value):
                    problem = NumberValues.Problem(value, integer: true);
                    return null;
                case ValueKind.Double when NumberValues.IsNumber(value):
                    problem = NumberValues.Problem(value, integer: false);
                    return null;
                default:
                    problem = DiagnosticText.Quote(value.ToString(Formatting.None)) + " does not match the item type";
                    return null;
            }
        }

        private static bool HasLimit(NumberLimits limits, string keyword) => keyword switch
        {
            "minimum" => limits.Minimum is not null,
            "maximum" => limits.Maximum is not null,
            "exclusiveMinimum" => limits.ExclusiveMinimum is not null,
            _ => limits.ExclusiveMaximum is not null,
        };
    }
}
