namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>
/// A schema that puts the dangerous characters (<see cref="HostileText"/>) into every string-valued keyword
/// the generator reads, into property names, enum values, defaults, consts, patterns and validations.
/// </summary>
public static class HostileSchema
{
    public const string ModelId = "acme/hostile";

    public const string TypeName = "RunComfy.Models.Acme.HostileRequest";

    /// <summary>A property whose name is the payload.</summary>
    public static string InjectionName => HostileText.ModuleInitializer;

    /// <summary>A property whose name is every dangerous piece.</summary>
    public static string AllName => HostileText.All;

    /// <summary>The enum values of <see cref="AllName"/>, in schema order.</summary>
    public static string[] EnumValues { get; } = [HostileText.All, HostileText.ModuleInitializer, "plain", "*/", "\u2028", "\uD800"];

    /// <summary>The pattern of <see cref="InjectionName"/>: a valid regex that still holds dangerous text.</summary>
    public static string Pattern { get; } = "^(?:[^\u2028\u2029\r\n]|\\*/|\"|\\\\|\\{|<|&|#)*$";

    public static string Text { get; } = Build();

    private static string Build()
    {
        string all = JsonText.Quote(HostileText.All);
        string injection = JsonText.Quote(HostileText.ModuleInitializer);
        string veryLong = JsonText.Quote(HostileText.VeryLong);
        return $$"""
            {
              "type": "object",
              "title": {{injection}},
              "description": {{veryLong}},
              "required": {{JsonText.Array(HostileText.ModuleInitializer, HostileText.All)}},
              "properties": {
                {{injection}}: {
                  "type": "string",
                  "title": {{injection}},
                  "description": {{injection}},
                  "format": {{all}},
                  "pattern": {{JsonText.Quote(Pattern)}},
                  "minLength": 1,
                  "default": {{all}},
                  "validation_error": {{all}}
                },
                {{all}}: {
                  "type": "string",
                  "title": {{all}},
                  "description": {{veryLong}},
                  "enum": {{JsonText.Array(EnumValues)}},
                  "default": {{injection}}
                },
                "fixed": {
                  "type": "string",
                  "title": {{veryLong}},
                  "const": {{all}},
                  "validation_error": {{injection}}
                },
                "media": {
                  "type": "string",
                  "format": "image_uri",
                  "title": {{all}},
                  "description": {{all}},
                  "validations": [
                    { "validation_rule": {{injection}}, "validation_value": 5, "validation_error": {{all}} },
                    { "validation_rule": "file_size_mb<", "validation_value": 10, "validation_error": {{injection}} }
                  ]
                },
                "tags": {
                  "type": "array",
                  "title": {{injection}},
                  "description": {{all}},
                  "items": { "type": "string", "enum": {{JsonText.Array(HostileText.All, HostileText.ModuleInitializer)}}, "pattern": {{all}} },
                  "validation_error": {{veryLong}}
                },
                "weird": { "type": {{all}}, "title": {{all}}, "description": {{injection}} },
                "count": { "type": "integer", "title": {{injection}}, "description": {{all}}, "enum": [1, 2, -3] },
                "ratio": { "type": "number", "title": {{all}}, "enum": [0.5, 1], "default": 0.5 },
                "flag": { "type": "boolean", "title": {{injection}}, "const": true },
                {{JsonText.Quote("quote\"back\\slash\u2028new")}}: { "type": "string", "description": {{all}} },
                {{JsonText.Quote("\u2028")}}: { "type": "string", "description": {{injection}} },
                "class": { "type": "string", "description": {{all}} }
              }
            }
            """;
    }
}
