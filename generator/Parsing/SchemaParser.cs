using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The only code that touches JSON: one schema file in, one <see cref="ModelSpec"/> (plain values)
    /// and its diagnostics out. Never throws: a failure becomes a diagnostic.
    /// </summary>
    internal static class SchemaParser
    {
        public static ParseResult Parse(SchemaFile file, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            ModelSpec? model;
            try
            {
                model = ParseCore(file, diagnostics, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // The generator must never throw: any failure becomes a diagnostic for this file only.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.FileStart(file.Path), ex.GetType().Name + ": " + ex.Message));
                model = null;
            }

            return new ParseResult(file.Path, model, diagnostics.ToEquatableArray());
        }

        private static ModelSpec? ParseCore(SchemaFile file, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var locator = new JsonLocator(file.Path, file.Text ?? string.Empty);
            if (file.Text is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.FileStart, "the file cannot be read"));
                return null;
            }

            if (!ModelIdParser.TryParse(file.ModelId, out string ns, out string rest, out string problem))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidModelId, locator.FileStart, file.ModelId, problem));
                return null;
            }

            JToken root;
            try
            {
                root = Load(file.Text);
            }
            catch (JsonReaderException ex)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtLine(ex.LineNumber - 1, ex.LinePosition), ex.Message));
                return null;
            }

            if (root is not JObject rootObject)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.Of(root), "the root is not a JSON object"));
                return null;
            }

            JObject properties;
            switch (rootObject["properties"])
            {
                case null:
                    properties = new JObject();
                    break;
                case JObject found:
                    properties = found;
                    break;
                case JToken other:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.Of(other), "'properties' is not an object"));
                    return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var normalizer = new PropertyNormalizer(locator, diagnostics);
            var raws = new List<RawProperty>();
            foreach (JProperty property in properties.Properties().ToList())
            {
                if (property.Value is JObject schema)
                {
                    raws.Add(normalizer.Normalize(property.Name, property, schema));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SkippedProperty, locator.Of(property), property.Name));
                    property.Remove();
                }
            }

            HashSet<string> required = ReadRequired(rootObject, properties, locator, diagnostics);
            RemoveNonStandardRootKeywords(rootObject);

            JsonSchema standard;
            try
            {
                standard = JsonSchema.FromJsonAsync(rootObject.ToString(Formatting.None), cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is NotSupportedException || ex is ArgumentException || ex is FormatException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.FileStart, ex.Message));
                return null;
            }

            string typeName = rest + "Request";
            var namer = new MemberNamer(typeName);
            var specs = new List<PropertySpec>();
            var enums = new List<EnumSpec>();
            foreach (RawProperty raw in raws)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string member = namer.Name(raw.Name, locator, raw.Token, diagnostics);
                standard.Properties.TryGetValue(raw.Name, out JsonSchemaProperty? limits);
                specs.Add(BuildProperty(raw, member, limits, required.Contains(raw.Name), rest, enums, locator, diagnostics));
            }

            return new ModelSpec(
                file.ModelId,
                ns,
                typeName,
                file.Path,
                file.Text,
                (rootObject["title"] as JValue)?.Value as string,
                (rootObject["description"] as JValue)?.Value as string,
                specs.ToEquatableArray(),
                enums.ToEquatableArray());
        }

        private static JToken Load(string text)
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                // Double, not Decimal: a valid number such as 1e+300 must not fail the whole file as invalid JSON.
                FloatParseHandling = FloatParseHandling.Double,
            };
            var settings = new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            };
            JToken root = JToken.ReadFrom(reader, settings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw JsonReaderExceptionAt(reader, "Additional text after the end of the JSON value.");
            }

            return root;
        }

        private static JsonReaderException JsonReaderExceptionAt(JsonTextReader reader, string message) =>
            new JsonReaderException(message + " Line " + reader.LineNumber + ", position " + reader.LinePosition + ".", reader.Path, reader.LineNumber, reader.LinePosition, null);

        private static HashSet<string> ReadRequired(JObject root, JObject properties, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            JToken? token = root["required"];
            if (token is null)
            {
                return required;
            }

            if (token is not JArray names)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(token), "(root)", "required must be an array of property names"));
                root.Remove("required");
                return required;
            }

            foreach (JToken name in names.ToList())
            {
                if (name.Type != JTokenType.String)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(name), "(root)", "required holds " + name.ToString(Formatting.None) + ", not a property name"));
                    name.Remove();
                }
                else if (properties[(string)name!] is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequiredWithoutProperty, locator.Of(name), (string)name!));
                    name.Remove();
                }
                else
                {
                    required.Add((string)name!);
                }
            }

            return required;
        }

        private static void RemoveNonStandardRootKeywords(JObject root)
        {
            // The root only matters for its properties; drop what NJsonSchema might misread.
            root.Remove("validations");
            if (root["title"] is JToken title && title.Type != JTokenType.String)
            {
                root.Remove("title");
            }

            if (root["description"] is JToken description && description.Type != JTokenType.String)
            {
                root.Remove("description");
            }
        }

        private static PropertySpec BuildProperty(
            RawProperty raw,
            string member,
            JsonSchemaProperty? limits,
            bool required,
            string rest,
            List<EnumSpec> enums,
            JsonLocator locator,
            List<DiagnosticInfo> diagnostics)
        {
            bool isArray = raw.Type == "array";
            ValueKind kind = isArray ? ArrayItemKind(raw) : ScalarKind(raw);
            int enumIndex = -1;
            var enumJson = new List<string>();
            if (raw.Enum is JArray values)
            {
                enumJson.AddRange(values.Select(v => v.ToString(Formatting.None)));
                if (!isArray && (kind == ValueKind.String || kind == ValueKind.Int32 || kind == ValueKind.Int64))
                {
                    EnumSpec? spec = EnumBuilder.Build(raw, rest + member, kind == ValueKind.String, locator, diagnostics);
                    if (spec is not null)
                    {
                        enumIndex = enums.Count;
                        enums.Add(spec);
                        kind = ValueKind.Enum;
                    }
                    else
                    {
                        enumJson.Clear();
                    }
                }
                else if (!isArray && kind == ValueKind.Double && !values.All(v => v.Type == JTokenType.Integer || v.Type == JTokenType.Float))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(values), raw.Name, "enum values of a number property must be numbers"));
                    enumJson.Clear();
                }
                else if (isArray || kind != ValueKind.Double)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(values), raw.Name, "enum is supported on string, integer and number properties only"));
                    enumJson.Clear();
                }
            }

            return new PropertySpec(
                JsonName: raw.Name,
                MemberName: member,
                IsArray: isArray,
                Kind: kind,
                EnumIndex: enumIndex,
                Required: required,
                SchemaType: raw.Type ?? "any",
                Format: raw.Format,
                ItemType: raw.ItemType,
                ItemFormat: raw.ItemFormat,
                Title: limits?.Title ?? ((raw.Schema["title"] as JValue)?.Value as string),
                Description: limits?.Description ?? ((raw.Schema["description"] as JValue)?.Value as string),
                DefaultJson: raw.DefaultJson,
                EnumJson: enumJson.ToEquatableArray(),
                HasEnum: enumJson.Count > 0,
                Minimum: raw.Limits.Minimum,
                Maximum: raw.Limits.Maximum,
                ExclusiveMinimum: raw.Limits.ExclusiveMinimum,
                ExclusiveMaximum: raw.Limits.ExclusiveMaximum,
                MinLength: Count(raw.Schema, "minLength"),
                MaxLength: Count(raw.Schema, "maxLength"),
                MinItems: Count(raw.Schema, "minItems"),
                MaxItems: Count(raw.Schema, "maxItems"),
                Pattern: limits?.Pattern,
                ConstJson: ConstText(raw, kind, isArray, locator, diagnostics),
                ValidationError: raw.ValidationError,
                MediaRules: raw.MediaRules.ToEquatableArray(),
                ItemRules: isArray ? ItemRulesBuilder.Build(raw, kind, locator, diagnostics) : null);
        }

        private static ValueKind ScalarKind(RawProperty raw)
        {
            switch (raw.Type)
            {
                case "string":
                    return MediaFormats.IsSingle(raw.Format) || raw.HasValidations ? ValueKind.Media : ValueKind.String;
                case "integer":
                    return FitsInt32(raw.Limits.Minimum) && FitsInt32(raw.Limits.Maximum) ? ValueKind.Int32 : ValueKind.Int64;
                case "number":
                    return ValueKind.Double;
                case "boolean":
                    return ValueKind.Boolean;
                default:
                    return ValueKind.Json;
            }
        }

        private static ValueKind ArrayItemKind(RawProperty raw)
        {
            if (MediaFormats.IsArray(raw.Format) || MediaFormats.IsSingle(raw.ItemFormat) || raw.HasValidations)
            {
                return ValueKind.Media;
            }

            switch (raw.ItemType)
            {
                case "string":
                    return ValueKind.String;
                case "integer":
                    return ValueKind.Int64;
                case "number":
                    return ValueKind.Double;
                case "boolean":
                    return ValueKind.Boolean;
                default:
                    return ValueKind.Json;
            }
        }

        private static bool FitsInt32(string? limit) =>
            long.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= int.MinValue && value <= int.MaxValue;

        internal static int? Count(JObject schema, string keyword) =>
            schema[keyword] is JValue value && value.Type == JTokenType.Integer ? value.Value<int>() : (int?)null;

        private static string? ConstText(RawProperty raw, ValueKind kind, bool isArray, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            if (raw.Const is not JToken token)
            {
                return null;
            }

            bool fits = !isArray && (
                (token.Type == JTokenType.String && (kind == ValueKind.String || kind == ValueKind.Media)) ||
                (token.Type == JTokenType.Integer && (kind == ValueKind.Int32 || kind == ValueKind.Int64 || kind == ValueKind.Double)) ||
                (token.Type == JTokenType.Float && kind == ValueKind.Double) ||
                (token.Type == JTokenType.Boolean && kind == ValueKind.Boolean));
            if (!fits)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(token), raw.Name, "const " + token.ToString(Formatting.None) + " does not match the property's type"));
                return null;
            }

            return token.ToString(Formatting.None);
        }
    }
}
