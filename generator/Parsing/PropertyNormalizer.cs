using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Reads what NJsonSchema cannot (the <c>validations</c> array, exact enum and default text) from
    /// one raw property, and rewrites the property in place so NJsonSchema accepts the published
    /// schemas: <c>"type": "float"</c> becomes <c>number</c>, <c>2.0</c> in integer keywords becomes
    /// <c>2</c>, keywords of the wrong JSON type are dropped with a warning.
    /// </summary>
    internal sealed class PropertyNormalizer
    {
        private static readonly string[] KnownTypes = { "string", "integer", "number", "boolean", "array", "object", "null" };
        private static readonly string[] CountKeywords = { "minLength", "maxLength", "minItems", "maxItems" };
        private static readonly string[] NumberKeywords = { "minimum", "maximum", "multipleOf" };
        private static readonly string[] ExclusiveKeywords = { "exclusiveMinimum", "exclusiveMaximum" };
        private static readonly string[] TextKeywords = { "title", "description", "format" };

        private readonly JsonLocator _locator;
        private readonly List<DiagnosticInfo> _diagnostics;

        public PropertyNormalizer(JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            _locator = locator;
            _diagnostics = diagnostics;
        }

        public RawProperty Normalize(string name, JProperty token, JObject schema)
        {
            var raw = new RawProperty(name, token, schema);
            raw.Type = NormalizeType(name, schema, isItems: false);
            foreach (string keyword in TextKeywords)
            {
                RequireKind(name, schema, keyword, "a string", JTokenType.String);
            }

            raw.Format = (string?)schema["format"];
            NormalizeNumbers(name, schema, raw.Type == "integer");
            NormalizePattern(name, schema);
            ReadEnum(name, schema, raw);
            ReadItems(name, schema, raw);
            ReadValidations(name, schema, raw);

            JToken? defaultToken = schema["default"];
            raw.DefaultJson = defaultToken is null || defaultToken.Type == JTokenType.Null ? null : defaultToken.ToString(Formatting.None);
            raw.Const = schema["const"];
            if (schema["validation_error"] is JToken message)
            {
                if (message.Type == JTokenType.String)
                {
                    raw.ValidationError = (string?)message;
                }
                else
                {
                    Ignore(name, message, "validation_error must be a string");
                }
            }

            if (raw.Type is null && !schema.ContainsKey("type"))
            {
                // No type keyword: infer the obvious cases so a media property is still typed.
                if (MediaFormats.IsSingle(raw.Format))
                {
                    raw.Type = "string";
                }
                else if (MediaFormats.IsArray(raw.Format) || raw.HasItems)
                {
                    raw.Type = "array";
                }
                else if (raw.Enum is JArray values && values.All(v => v.Type == JTokenType.String))
                {
                    raw.Type = "string";
                }
                else if (raw.Enum is JArray integers && integers.All(v => v.Type == JTokenType.Integer))
                {
                    raw.Type = "integer";
                }
            }

            return raw;
        }

        private string? NormalizeType(string name, JObject schema, bool isItems)
        {
            JToken? token = schema["type"];
            if (token is null)
            {
                return null;
            }

            string label = isItems ? name + "[]" : name;
            var names = token.Type == JTokenType.Array ? token.Children().ToList() : new List<JToken> { token };
            var types = new List<string>();
            foreach (JToken entry in names)
            {
                if (entry.Type != JTokenType.String)
                {
                    Report(DiagnosticDescriptors.UnknownType, entry, label, entry.ToString(Formatting.None));
                    schema.Remove("type");
                    return null;
                }

                string type = (string)entry!;
                if (type == "float")
                {
                    Report(DiagnosticDescriptors.FloatType, entry, label);
                    ((JValue)entry).Value = "number";
                    type = "number";
                }
                else if (Array.IndexOf(KnownTypes, type) < 0)
                {
                    Report(DiagnosticDescriptors.UnknownType, entry, label, type);
                    schema.Remove("type");
                    return null;
                }

                if (type != "null")
                {
                    types.Add(type);
                }
            }

            // A union of several non-null types has no single C# type: it stays JSON.
            return types.Count == 1 ? types[0] : null;
        }

        private void NormalizeNumbers(string name, JObject schema, bool integerType)
        {
            foreach (string keyword in CountKeywords)
            {
                if (schema[keyword] is not JToken token)
                {
                    continue;
                }

                if (TryGetIntegral(token, out decimal count) && count >= 0 && count <= int.MaxValue)
                {
                    ReplaceValue(token, (long)count);
                }
                else
                {
                    Ignore(name, token, keyword + " must be a non-negative integer, not " + token.ToString(Formatting.None));
                    schema.Remove(keyword);
                }
            }

            foreach (string keyword in NumberKeywords)
            {
                if (schema[keyword] is not JToken token)
                {
                    continue;
                }

                if (token.Type != JTokenType.Integer && token.Type != JTokenType.Float)
                {
                    Ignore(name, token, keyword + " must be a number, not " + token.ToString(Formatting.None));
                    schema.Remove(keyword);
                }
                else if (integerType && token.Type == JTokenType.Float && TryGetIntegral(token, out decimal integral))
                {
                    ReplaceValue(token, (long)integral);
                }
            }

            foreach (string keyword in ExclusiveKeywords)
            {
                if (schema[keyword] is JToken token && token.Type != JTokenType.Integer && token.Type != JTokenType.Float && token.Type != JTokenType.Boolean)
                {
                    Ignore(name, token, keyword + " must be a number or a boolean, not " + token.ToString(Formatting.None));
                    schema.Remove(keyword);
                }
            }
        }

        private void NormalizePattern(string name, JObject schema)
        {
            if (schema["pattern"] is not JToken token)
            {
                return;
            }

            if (token.Type != JTokenType.String)
            {
                Ignore(name, token, "pattern must be a string");
                schema.Remove("pattern");
                return;
            }

            try
            {
                _ = new Regex((string)token!, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Ignore(name, token, "pattern is not a valid regular expression (" + ex.Message + ")");
                schema.Remove("pattern");
            }
        }

        private void ReadEnum(string name, JObject schema, RawProperty raw)
        {
            if (schema["enum"] is not JToken token)
            {
                return;
            }

            if (token is not JArray values || values.Count == 0)
            {
                Ignore(name, token, "enum must be a non-empty array");
                schema.Remove("enum");
                return;
            }

            raw.Enum = values;
        }

        private void ReadItems(string name, JObject schema, RawProperty raw)
        {
            if (schema["items"] is not JToken token)
            {
                return;
            }

            if (token is not JObject items)
            {
                Ignore(name, token, "items must be a schema object");
                schema.Remove("items");
                return;
            }

            raw.HasItems = true;
            raw.ItemType = NormalizeType(name, items, isItems: true);
            if (items["format"] is JToken format)
            {
                if (format.Type == JTokenType.String)
                {
                    raw.ItemFormat = (string?)format;
                }
                else
                {
                    Ignore(name, format, "items.format must be a string");
                    items.Remove("format");
                }
            }

            // Item-level limits and validations are not generated; keep NJsonSchema from choking on them.
            items.Remove("validations");
            NormalizeNumbers(name, items, raw.ItemType == "integer");
        }

        private void ReadValidations(string name, JObject schema, RawProperty raw)
        {
            if (schema["validations"] is not JToken token)
            {
                return;
            }

            // Removed before NJsonSchema sees it: it would read objects with "type"/"properties" as schemas.
            schema.Remove("validations");
            if (token is not JArray rules)
            {
                Ignore(name, token, "validations must be an array");
                return;
            }

            raw.HasValidations = true;
            foreach (JToken entry in rules)
            {
                if (entry is not JObject rule
                    || rule["validation_rule"] is not JToken ruleName || ruleName.Type != JTokenType.String
                    || rule["validation_value"] is not JToken value || (value.Type != JTokenType.Integer && value.Type != JTokenType.Float))
                {
                    Ignore(name, entry, "a validations entry needs a string validation_rule and a numeric validation_value");
                    continue;
                }

                string ruleText = (string)ruleName!;
                if (!MediaRules.Known.Contains(ruleText))
                {
                    Report(DiagnosticDescriptors.UnknownValidationRule, ruleName, name, ruleText);
                }

                JToken? error = rule["validation_error"];
                string? message = error is not null && error.Type == JTokenType.String ? (string?)error : null;
                raw.MediaRules.Add(new MediaRuleSpec(ruleText, NumberText(value), message));
            }
        }

        private void RequireKind(string name, JObject schema, string keyword, string expected, JTokenType type)
        {
            if (schema[keyword] is JToken token && token.Type != type)
            {
                Ignore(name, token, keyword + " must be " + expected);
                schema.Remove(keyword);
            }
        }

        private void Ignore(string name, JToken at, string problem) => Report(DiagnosticDescriptors.IgnoredKeyword, at, name, problem);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, JToken at, params object[] args) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, _locator.Of(at), args));

        private static void ReplaceValue(JToken old, long value)
        {
            // Keep the original token (and its line information): change its value, not the property.
            if (old is JValue jvalue && jvalue.Type == JTokenType.Float)
            {
                jvalue.Value = value;
            }
        }

        /// <summary>The exact JSON text of a number, as a C#-compatible literal (no exponent surprises).</summary>
        public static string NumberText(JToken value)
        {
            if (value.Type == JTokenType.Integer)
            {
                return Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture) ?? "0";
            }

            object? boxed = ((JValue)value).Value;
            return boxed switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                double f => f.ToString("R", CultureInfo.InvariantCulture),
                _ => Convert.ToString(boxed, CultureInfo.InvariantCulture) ?? "0",
            };
        }

        public static bool TryGetIntegral(JToken token, out decimal value)
        {
            value = 0;
            if (token.Type == JTokenType.Integer)
            {
                try
                {
                    value = token.Value<decimal>();
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }
            }

            if (token.Type == JTokenType.Float)
            {
                decimal d = token.Value<decimal>();
                if (decimal.Truncate(d) == d)
                {
                    value = decimal.Truncate(d);
                    return true;
                }
            }

            return false;
        }
    }
}
