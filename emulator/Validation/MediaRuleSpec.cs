using System.Globalization;
using Newtonsoft.Json.Linq;

namespace RunComfy.Emulator.Validation;

/// <summary>One entry of a schema's non-standard <c>validations</c> array, read from the raw JSON.</summary>
internal sealed record MediaRuleSpec(string Rule, double Value, string? Message)
{
    /// <summary>Reads the <c>validations</c> array of a schema node; entries without a rule or a numeric value are skipped.</summary>
    public static IReadOnlyList<MediaRuleSpec> ReadFrom(JObject schemaNode)
    {
        if (schemaNode["validations"] is not JArray entries) return [];
        var rules = new List<MediaRuleSpec>();
        foreach (var entry in entries.OfType<JObject>())
        {
            var rule = (entry["validation_rule"] as JValue)?.Value as string;
            // validation_value comes as a number or as a numeric string.
            double? value = entry["validation_value"] switch
            {
                JValue { Type: JTokenType.Integer or JTokenType.Float } number => number.Value<double>(),
                JValue { Type: JTokenType.String } text when double.TryParse((string?)text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
            if (rule is null || value is null) continue;
            rules.Add(new MediaRuleSpec(rule.Trim(), value.Value, (entry["validation_error"] as JValue)?.Value as string));
        }
        return rules;
    }
}
