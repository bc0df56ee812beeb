using System.Text.Json;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// Reads an input schema at run time into the properties the generator would emit, following the
/// generator's <c>SchemaParser</c>: the same model id rule, the same refusals (invalid JSON, a root or
/// <c>properties</c> that is not an object), the same skipped properties and member names. Never throws
/// for a bad schema: every problem is returned, with the generator's diagnostic id.
/// </summary>
internal static class SchemaInterpreter
{
    private static readonly string[] ReservedMembers =
    [
        "ModelId", "Metadata", "Validate", "WriteJson", "ToJson", "FromJson", "GetMediaFields", "EqualityContract",
        "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "Clone", "GetType", "MemberwiseClone", "Finalize",
    ];

    // As the generator reads schemas: comments skipped, a repeated key refused (JSON parsers disagree on which wins).
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    /// <summary>The generator's limit (RCS0021, on main as <c>SchemaSizeLimit</c>): 256 Ki UTF-16 code units of schema text.</summary>
    public const int MaxSchemaCharacters = 256 * 1024;

    public static (IReadOnlyList<InterpretedProperty>? Properties, IReadOnlyList<SchemaProblem> Problems) Interpret(string modelId, string schemaJson)
    {
        var problems = new List<SchemaProblem>();
        if (schemaJson.Length > MaxSchemaCharacters)
        {
            // Checked before anything is read, as the generator does: an oversized schema is refused alone.
            problems.Add(SchemaProblems.SchemaTooLarge(schemaJson.Length, MaxSchemaCharacters));
            return (null, problems);
        }

        if (!TryParseModelId(modelId, out string rest, out string idProblem))
        {
            problems.Add(SchemaProblems.InvalidModelId(modelId, idProblem));
            return (null, problems);
        }

        JsonDocument document;
        try
        {
            // NaN and Infinity drop their keyword (as in the generator), not the whole schema.
            document = JsonDocument.Parse(NonFiniteLiterals.Rewrite(schemaJson), DocumentOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(SchemaProblems.InvalidJson(ex.Message));
            return (null, problems);
        }
        catch (InvalidOperationException)
        {
            // The duplicate-name check reads every property name: one with a lone surrogate escape throws here.
            problems.Add(LoneSurrogate());
            return (null, problems);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (HasUnreadableString(root))
            {
                // Valid JSON that no .NET string holds: a server's schema must not crash FromSchema.
                problems.Add(LoneSurrogate());
                return (null, problems);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(SchemaProblems.InvalidSchema("the root is not a JSON object"));
                return (null, problems);
            }

            var properties = new List<JsonProperty>();
            if (root.TryGetProperty("properties", out JsonElement propertiesElement))
            {
                if (propertiesElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(SchemaProblems.InvalidSchema("'properties' is not an object"));
                    return (null, problems);
                }

                foreach (JsonProperty property in propertiesElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        properties.Add(property);
                    }
                    else
                    {
                        problems.Add(SchemaProblems.SkippedProperty(property.Name));
                    }
                }
            }

            HashSet<string> required = ReadRequired(root, properties, problems);
            var names = new EmittedNames(modelId.Split('/')[0], rest);
            var reader = new PropertyReader(problems, names);
            var namer = new MemberNames(rest + "Request", problems);
            var result = new List<InterpretedProperty>(properties.Count);
            foreach (JsonProperty property in properties)
            {
                string member = namer.Name(property.Name);
                InterpretedProperty read = reader.Read(property.Name, property.Value, member, required.Contains(property.Name));
                names.AddMember(member, read.Kind == InterpretedKind.Media, HasAllowedValuesField(read));
                result.Add(read);
            }

            // Last, as in the generator, where writing the model's code is the last step.
            if (names.Problem() is { } unwritable)
            {
                problems.Add(SchemaProblems.UnwritableValue(unwritable));
                return (null, problems);
            }

            return (result, problems);
        }
    }

    /// <summary>
    /// Whether generated code holds the property's allowed values in a static field (the generator's
    /// <c>ValidationCalls.AllowedValuesField</c>): a number enum, or the enum of a string, media, integer or number array's items.
    /// </summary>
    private static bool HasAllowedValuesField(InterpretedProperty property) =>
        property.IsArray
            ? property.ItemRules is { EnumValues.Count: > 0 } && property.Kind is InterpretedKind.String or InterpretedKind.Media or InterpretedKind.Int64 or InterpretedKind.Double
            : property.Kind == InterpretedKind.Double && property.EnumJson.Count > 0;

    private static SchemaProblem LoneSurrogate() =>
        SchemaProblems.InvalidSchema("a string holds a lone surrogate escape (\\uD800-\\uDFFF without its pair), which cannot be read as text");

    /// <summary>
    /// True when a string or property name inside <paramref name="element"/> has a lone surrogate escape
    /// (<c>"\ud800"</c>): System.Text.Json reads the document but throws when such a string is read.
    /// </summary>
    private static bool HasUnreadableString(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Any(HasUnreadableString);
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (HasUnreadableString(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The generator's model id rule: owner/model[/variant...], ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</summary>
    private static bool TryParseModelId(string modelId, out string rest, out string problem)
    {
        rest = problem = string.Empty;
        string[] segments = modelId.Split('/');
        if (segments.Length < 2)
        {
            problem = "it needs at least two segments, owner/model";
            return false;
        }

        foreach (string segment in segments)
        {
            if (segment.Length == 0)
            {
                problem = "it has an empty segment";
                return false;
            }

            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                problem = "segments may hold only ASCII letters, digits, '-', '_' and '.'";
                return false;
            }

            if (NamingRule.PascalCase(segment).Length == 0)
            {
                problem = "the segment '" + segment + "' has no letter or digit";
                return false;
            }
        }

        rest = NamingRule.Identifier(string.Join("/", segments.Skip(1)));
        return true;
    }

    private static HashSet<string> ReadRequired(JsonElement root, List<JsonProperty> properties, List<SchemaProblem> problems)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("required", out JsonElement names))
        {
            return required;
        }

        if (names.ValueKind != JsonValueKind.Array)
        {
            problems.Add(SchemaProblems.IgnoredKeyword("(root)", "required must be an array of property names"));
            return required;
        }

        foreach (JsonElement name in names.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                problems.Add(SchemaProblems.IgnoredKeyword("(root)", "required holds " + SchemaJsonText.Compact(name) + ", not a property name"));
            }
            else if (!properties.Exists(p => p.NameEquals(name.GetString())))
            {
                problems.Add(SchemaProblems.RequiredWithoutProperty(name.GetString()!));
            }
            else
            {
                required.Add(name.GetString()!);
            }
        }

        return required;
    }

    /// <summary>The generator's <c>MemberNamer</c>: reserved names get <c>Value</c>, repeats <c>_2</c>, <c>_3</c>...</summary>
    private sealed class MemberNames(string typeName, List<SchemaProblem> problems)
    {
        private readonly HashSet<string> _reserved = new(ReservedMembers, StringComparer.Ordinal) { typeName };
        private readonly HashSet<string> _taken = new(ReservedMembers.Append(typeName), StringComparer.Ordinal);
        private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

        public string Name(string jsonName)
        {
            string name = NamingRule.Identifier(jsonName);
            if (name.Length == 0)
            {
                name = NamingRule.Unique("Unnamed", _taken);
                problems.Add(SchemaProblems.EmptyPropertyName(jsonName, name));
                return Take(jsonName, name);
            }

            if (_reserved.Contains(name))
            {
                string renamed = NamingRule.Unique(name + "Value", _taken);
                problems.Add(SchemaProblems.MemberNameClash(jsonName, name, "the request type already has", renamed));
                return Take(jsonName, renamed);
            }

            if (_taken.Contains(name))
            {
                string renamed = NamingRule.Unique(name, _taken);
                string reason = _owners.TryGetValue(name, out string? owner) ? "property '" + owner + "' already has" : "another member already has";
                problems.Add(SchemaProblems.MemberNameClash(jsonName, name, reason, renamed));
                return Take(jsonName, renamed);
            }

            return Take(jsonName, name);
        }

        private string Take(string jsonName, string name)
        {
            _taken.Add(name);
            _owners[name] = jsonName;
            return name;
        }
    }
}
