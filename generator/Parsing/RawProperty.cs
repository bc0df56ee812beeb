using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// What the parser learns about one property from the raw JSON (type, enum, default, validations,
    /// locations), before NJsonSchema supplies the standard limits. Lives only inside the parser.
    /// </summary>
    internal sealed class RawProperty
    {
        public RawProperty(string name, JProperty token, JObject schema)
        {
            Name = name;
            Token = token;
            Schema = schema;
        }

        public string Name { get; }

        public JProperty Token { get; }

        public JObject Schema { get; }

        /// <summary>The normalised JSON type, or null when missing or unknown.</summary>
        public string? Type { get; set; }

        public string? Format { get; set; }

        public bool HasItems { get; set; }

        public string? ItemType { get; set; }

        public string? ItemFormat { get; set; }

        public JArray? Enum { get; set; }

        public string? DefaultJson { get; set; }

        public JToken? Const { get; set; }

        public string? ValidationError { get; set; }

        public List<MediaRuleSpec> MediaRules { get; } = new List<MediaRuleSpec>();

        public bool HasValidations { get; set; }

        /// <summary>minimum, maximum and the exclusive forms of the property.</summary>
        public NumberLimits Limits { get; set; } = new NumberLimits();

        /// <summary>The <c>items</c> schema after normalisation (its keywords are checked per item).</summary>
        public JObject? ItemsSchema { get; set; }

        /// <summary>minimum, maximum and the exclusive forms inside <c>items</c>.</summary>
        public NumberLimits ItemLimits { get; set; } = new NumberLimits();
    }
}
