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
        private static readonly string[] UnsupportedRootKeywords =
        {
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "enum", "const", "additionalProperties",
            "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependencies",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties",
        };

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

            // In file order, as a reader goes through the schema (stable: one place keeps its report order).
            return new ParseResult(file.Path, model, diagnostics.OrderBy(d => d.Location.Span.Start).ToEquatableArray());
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

            // Strict JSON first, in our own words: Newtonsoft accepts comments and trailing commas, and its messages name its types.
            if (JsonSyntaxChecker.Check(file.Text) is JsonSyntaxError syntax)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtOffset(syntax.Offset), locator.LineColumn(syntax.Offset) + ": " + syntax.Message));
                return null;
            }

            JToken root;
            try
            {
                root = Load(file.Text);
            }
            catch (JsonReaderException ex)
            {
                // Not expected after the check above; still reported at its place, without Newtonsoft's wording.
                LocationInfo at = locator.AtLine(ex.LineNumber - 1, ex.LinePosition);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, at, locator.LineColumn(at.Span.Start) + ": the JSON cannot be read here"));
                return null;
            }

            if (root is not JObject rootObject)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSchema, locator.Of(root), "the root is not a JSON object"));
                return null;
            }

            // Before anything reads the schema: no reference is ever followed, each one is reported where it is.
            ReferenceStripper.Strip(rootObject, locator, diagnostics);
            ReportUnsupportedRootKeywords(rootObject, locator, diagnostics);

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

            JsonSchema standard;
            try
            {
                // NJsonSchema sees only the properties (the root's other keywords matter to nobody here), and its
                // resolver refuses files and URLs: even a reference the stripper missed could not cause I/O.
                var standardInput = new JObject(new JProperty("type", "object"), new JProperty("properties", properties));
                standard = OfflineReferenceResolver.ReadAsync(standardInput.ToString(Formatting.None), cancellationToken).GetAwaiter().GetResult();
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

            ShortenEnumNames(rest, specs, enums);
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

        /// <summary>
        /// Gives each enum the shorter name of the naming rule (<see cref="Naming.EnumTypeName"/>) unless that name,
        /// ignoring case, is the full or shorter name of another enum of the model: then it keeps its full name, so
        /// the rule never adds a clash (or an RCS0013 rename) that the full names did not have, whatever the order.
        /// </summary>
        private static void ShortenEnumNames(string rest, List<PropertySpec> specs, List<EnumSpec> enums)
        {
            var taken = new HashSet<string>(enums.Select(e => e.TypeName), StringComparer.OrdinalIgnoreCase);
            foreach (PropertySpec property in specs.Where(p => p.Kind == ValueKind.Enum))
            {
                EnumSpec spec = enums[property.EnumIndex];
                string shorter = EnumTypeName(Naming.EnumTypeName(rest, property.MemberName), spec.IsString);
                if (shorter != spec.TypeName && taken.Add(shorter))
                {
                    enums[property.EnumIndex] = spec with { TypeName = shorter };
                }
            }
        }

        /// <summary>An integer enum is a struct with these members, and a member cannot share its type's name.</summary>
        private static string EnumTypeName(string name, bool isString) =>
            !isString && (name == "Equals" || name == "GetHashCode" || name == "ToString") ? name + "Value" : name;

        private static JToken Load(string text)
        {
            // A byte order mark is allowed (RFC 8259) but Newtonsoft refuses it; a space keeps every column in place.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = " " + text.Substring(1);
            }

            using var reader = new JsonTextReader(new System.IO.StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                // Double, not Decimal: a valid number such as 1e+300 must not fail the whole file as invalid JSON.
                FloatParseHandling = FloatParseHandling.Double,
                // The syntax check already enforced its own limit; Newtonsoft must not stop first.
                MaxDepth = JsonSyntaxChecker.MaxDepth + 1,
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

        /// <summary>
        /// Standard keywords at the root that would constrain the whole request: the generated record cannot
        /// check them, so each gets RCS0028 rather than silence. (<c>additionalProperties: false</c> needs no
        /// check: a record has only its properties, and <c>FromJson</c> rejects unknown fields.)
        /// </summary>
        private static void ReportUnsupportedRootKeywords(JObject root, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            foreach (string keyword in UnsupportedRootKeywords)
            {
                if (root.Property(keyword) is JProperty property
                    && !(keyword == "additionalProperties" && property.Value.Type == JTokenType.Boolean))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedRootKeyword, locator.Of(property), keyword));
                }
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
                    // The full name here; ShortenEnumNames says repeated words once when that clashes with nothing.
                    EnumSpec? spec = EnumBuilder.Build(raw, EnumTypeName(rest + member, kind == ValueKind.String), kind == ValueKind.String, locator, diagnostics);
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
                else if (!isArray && kind == ValueKind.Double && !values.All(NumberValues.IsNumber))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(values), raw.Name, "enum values of a number property must be numbers"));
                    enumJson.Clear();
                }
                else if (!isArray && kind == ValueKind.Double)
                {
                    // Emitted as double literals: each value must be finite (1e400 would be emitted as "Infinity").
                    enumJson.Clear();
                    foreach (JToken value in values)
                    {
                        if (!NumberValues.TryDouble(value, out string number))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(value), raw.Name, "enum value " + NumberValues.Problem(value, integer: false)));
                            enumJson.Clear();
                            break;
                        }

                        enumJson.Add(number);
                    }
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(values), raw.Name, "enum is supported on string, integer and number properties only"));
                    enumJson.Clear();
                }
            }

            KeywordApplicability.Report(raw, kind, isArray, locator, diagnostics);
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

            bool integer = kind == ValueKind.Int32 || kind == ValueKind.Int64;
            if (!isArray && NumberValues.IsNumber(token) && (integer || kind == ValueKind.Double))
            {
                // An integral float (-2.0) is an integer in JSON Schema; a number must be finite and fit the C# type.
                if (integer && NumberValues.TryInt64(token, out long whole))
                {
                    return whole.ToString(CultureInfo.InvariantCulture);
                }

                if (!integer && NumberValues.TryDouble(token, out string number))
                {
                    return number;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(token), raw.Name, "const " + NumberValues.Problem(token, integer)));
                return null;
            }

            bool fits = !isArray && (
                (token.Type == JTokenType.String && (kind == ValueKind.String || kind == ValueKind.Media)) ||
                (token.Type == JTokenType.Boolean && kind == ValueKind.Boolean));
            if (!fits)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(token), raw.Name, "const " + DiagnosticText.Quote(token.ToString(Formatting.None)) + " does not match the property's type"));
                return null;
            }

            return token.ToString(Formatting.None);
        }
    }
}
