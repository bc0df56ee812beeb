using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RunComfy.Media.Rules;
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
        private static readonly string[] LimitKeywords = { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" };

        // Standard JSON Schema keywords the generator does not check: each gets RCS0018 instead of silence.
        // ($ref is not here: ReferenceStripper removes every one first, with RCS0025.)
        private static readonly string[] UnsupportedKeywords =
        {
            "multipleOf", "uniqueItems", "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
            "properties", "additionalProperties", "patternProperties", "required", "minProperties", "maxProperties",
            "dependencies", "dependentRequired", "dependentSchemas", "propertyNames", "contains", "minContains",
            "maxContains", "additionalItems", "prefixItems", "unevaluatedItems", "unevaluatedProperties",
        };

        // Inside items, on top of the list above: what an item schema may hold but the generator does not check.
        private static readonly string[] UnsupportedItemKeywords = { "items", "const", "validations", "validation_error" };
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
            raw.Limits = NormalizeNumbers(name, schema, raw.Type == "integer", string.Empty);
            NormalizePattern(name, schema, string.Empty);
            ReportUnsupported(name, schema, string.Empty, UnsupportedKeywords);
            ReadEnum(name, schema, raw);
            ReadItems(name, schema, raw);
            ReadValidations(name, schema, raw);

            JToken? defaultToken = schema["default"];
            if (defaultToken is not null && NumberValues.ContainsNonFinite(defaultToken))
            {
                // Its text would not be JSON ("Infinity"), and it is shown in docs and metadata as JSON.
                Ignore(name, defaultToken, "default holds a number that is not finite (NaN, Infinity or beyond ±1.8E+308)");
                schema.Remove("default");
                defaultToken = null;
            }

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

            if (types.Count == 0 && names.Count > 0)
            {
                // Only null is allowed: no C# type says that, and nothing checks it.
                Report(DiagnosticDescriptors.NullType, token, label);
            }

            // A union of several non-null types has no single C# type: it stays JSON.
            return types.Count == 1 ? types[0] : null;
        }

        private NumberLimits NormalizeNumbers(string name, JObject schema, bool integerType, string prefix)
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
                    Ignore(name, token, prefix + keyword + " must be a non-negative integer, not " + token.ToString(Formatting.None));
                    schema.Remove(keyword);
                }
            }

            var limits = new NumberLimits();
            limits.Minimum = ReadLimit(name, schema, "minimum", integerType, prefix, limits.Read);
            limits.Maximum = ReadLimit(name, schema, "maximum", integerType, prefix, limits.Read);

            // Draft 6 and later: exclusiveMinimum is a number. Draft 4: a boolean that makes minimum exclusive.
            if (schema["exclusiveMinimum"] is JToken { Type: JTokenType.Boolean } exclusiveMinimum)
            {
                if ((bool)exclusiveMinimum!)
                {
                    limits.ExclusiveMinimum = limits.Minimum;
                    limits.Minimum = null;
                }
            }
            else
            {
                limits.ExclusiveMinimum = ReadLimit(name, schema, "exclusiveMinimum", integerType, prefix, limits.Read);
            }

            if (schema["exclusiveMaximum"] is JToken { Type: JTokenType.Boolean } exclusiveMaximum)
            {
                if ((bool)exclusiveMaximum!)
                {
                    limits.ExclusiveMaximum = limits.Maximum;
                    limits.Maximum = null;
                }
            }
            else
            {
                limits.ExclusiveMaximum = ReadLimit(name, schema, "exclusiveMaximum", integerType, prefix, limits.Read);
            }

            foreach (string keyword in LimitKeywords)
            {
                // Read here; NJsonSchema would hold them as decimal and fail on 1e300.
                schema.Remove(keyword);
            }

            return limits;
        }

        private string? ReadLimit(string name, JObject schema, string keyword, bool integerType, string prefix, List<JProperty> limitsRead)
        {
            if (schema[keyword] is not JToken token)
            {
                return null;
            }

            if (token.Type != JTokenType.Integer && token.Type != JTokenType.Float)
            {
                Ignore(name, token, prefix + keyword + " must be a number, not " + token.ToString(Formatting.None));
                return null;
            }

            if (((JValue)token).Value is double nan && double.IsNaN(nan))
            {
                Ignore(name, token, prefix + keyword + " " + NumberValues.Problem(token, integerType));
                return null;
            }

            if (!TryGetLimitText(token, integerType, out string text))
            {
                Ignore(name, token, prefix + keyword + " " + OutOfRangeText(token) + " is out of range for " + (integerType ? "a 64-bit integer" : "a double"));
                return null;
            }

            limitsRead.Add(schema.Property(keyword)!);
            return text;
        }

        /// <summary>
        /// A limit as C#-ready number text. For an integer property it must fit <c>long</c> when integral
        /// (<c>8.0</c> becomes <c>8</c>); for a number property any finite double will do (<c>1e300</c>,
        /// and an integer beyond <c>long</c>, which arrives as <see cref="BigInteger"/>).
        /// </summary>
        private static bool TryGetLimitText(JToken token, bool integerType, out string text)
        {
            text = string.Empty;
            object? value = ((JValue)token).Value;
            if (value is long integer)
            {
                text = integer.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            double number = value switch
            {
                // Through text: the BigInteger-to-double cast truncates (1e41 would become 9.999999999999998E+40).
                BigInteger big => double.Parse(big.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
                double d => d,
                decimal m => (double)m,
                _ => double.NaN,
            };
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                return false;
            }

            if (integerType && Math.Floor(number) == number)
            {
                // -2^63 <= n < 2^63: the doubles that convert to long exactly.
                if (value is BigInteger || number < -9223372036854775808.0 || number >= 9223372036854775808.0)
                {
                    return false;
                }

                text = ((long)number).ToString(CultureInfo.InvariantCulture);
                return true;
            }

            text = number.ToString("R", CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>A number's JSON text; a double that overflowed to infinity has lost its text.</summary>
        private static string OutOfRangeText(JToken token) =>
            ((JValue)token).Value is double d && double.IsInfinity(d) ? "(beyond ±1.8E+308)" : token.ToString(Formatting.None);

        private void ReportUnsupported(string name, JObject schema, string prefix, string[] keywords)
        {
            foreach (string keyword in keywords)
            {
                if (schema.Property(keyword) is JProperty property)
                {
                    Report(DiagnosticDescriptors.UnsupportedKeyword, property, name, prefix + keyword);

                    // Removed so NJsonSchema does not try to resolve or read it ($ref, nested schemas).
                    property.Remove();
                }
            }
        }

        private void NormalizePattern(string name, JObject schema, string prefix)
        {
            if (schema["pattern"] is not JToken token)
            {
                return;
            }

            if (token.Type != JTokenType.String)
            {
                Ignore(name, token, prefix + "pattern must be a string");
                schema.Remove("pattern");
                return;
            }

            try
            {
                _ = new Regex((string)token!, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Ignore(name, token, prefix + "pattern is not a valid regular expression (" + ex.Message + ")");
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
            if (items["format"] is JToken format && format.Type == JTokenType.String)
            {
                raw.ItemFormat = (string?)format;
            }

            foreach (string keyword in TextKeywords)
            {
                RequireKind(name, items, keyword, "a string", JTokenType.String, "items.");
            }

            // Item limits are checked on every item (tags[2]); what the generator cannot check gets RCS0018.
            raw.ItemLimits = NormalizeNumbers(name, items, raw.ItemType == "integer", "items.");
            NormalizePattern(name, items, "items.");
            if (items["enum"] is JToken itemEnum && (itemEnum is not JArray values || values.Count == 0))
            {
                Ignore(name, itemEnum, "items.enum must be a non-empty array");
                items.Remove("enum");
            }

            ReportUnsupported(name, items, "items.", UnsupportedKeywords);
            ReportUnsupported(name, items, "items.", UnsupportedItemKeywords);
            raw.ItemsSchema = items;
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

                // Emitted as a double literal: 1e400 or NaN would break the whole assembly, so the entry goes alone.
                if (!NumberValues.TryDouble(value, out string limit))
                {
                    Ignore(name, value, "validation_value " + NumberValues.Problem(value, integer: false));
                    continue;
                }

                string ruleText = (string)ruleName!;
                if (!MediaRules.Known.Contains(ruleText))
                {
                    Report(DiagnosticDescriptors.UnknownValidationRule, ruleName, name, ruleText);
                }

                JToken? error = rule["validation_error"];
                string? message = error is not null && error.Type == JTokenType.String ? (string?)error : null;
                MediaRuleGrammar.TryParse(ruleText, out string subject, out string op);
                raw.MediaRules.Add(new MediaRuleSpec(ruleText, limit, message, subject, op));
            }
        }

        private void RequireKind(string name, JObject schema, string keyword, string expected, JTokenType type, string prefix = "")
        {
            if (schema[keyword] is JToken token && token.Type != type)
            {
                Ignore(name, token, prefix + keyword + " must be " + expected);
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

        public static bool TryGetIntegral(JToken token, out decimal value) =>
            TryGetDecimal(token, out value) && decimal.Truncate(value) == value;

        /// <summary>The value of a JSON number, when it fits a decimal (huge integers arrive as BigInteger).</summary>
        public static bool TryGetDecimal(JToken token, out decimal value)
        {
            value = 0;
            if (token.Type != JTokenType.Integer && token.Type != JTokenType.Float)
            {
                return false;
            }

            object? boxed = ((JValue)token).Value;
            if (boxed is BigInteger big)
            {
                // BigInteger is not IConvertible: compare with the decimal range first.
                if (big < new BigInteger(decimal.MinValue) || big > new BigInteger(decimal.MaxValue))
                {
                    return false;
                }

                value = (decimal)big;
                return true;
            }

            try
            {
                value = Convert.ToDecimal(boxed, CultureInfo.InvariantCulture);
                return true;
            }
            catch (Exception ex) when (ex is OverflowException || ex is InvalidCastException || ex is FormatException)
            {
                return false;
            }
        }
    }
}
