using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RunComfy.Media.Rules;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The brief facts of a property for its <c>&lt;summary&gt;</c>, the part an IDE shows on hover:
    /// required or optional with the default, limits, allowed values and media rules, each in a few words
    /// (<c>Optional, default "fast". One of "fast", "standard".</c>). Every piece of schema text goes through
    /// <see cref="DocText"/>; the full detail stays in <c>&lt;remarks&gt;</c>.
    /// </summary>
    internal static class HoverText
    {
        /// <summary>Enum values listed on hover before the rest are only counted.</summary>
        public const int MaxValuesShown = 6;

        /// <summary>Characters of a default or allowed value shown on hover.</summary>
        public const int MaxValueLength = 60;

        /// <summary>Characters of the description in the summary; the rest is in the remarks.</summary>
        public const int MaxDescriptionLength = 400;

        /// <summary>The opening sentence: the description, else the title, else one built from the name and type.</summary>
        public static string Opening(PropertySpec p, out bool descriptionCut)
        {
            descriptionCut = false;
            if (!CodeText.IsNullOrWhiteSpace(p.Description))
            {
                string description = p.Description!.Trim();
                descriptionCut = description.Length > MaxDescriptionLength;
                return description;
            }

            string? title = CodeText.IsNullOrWhiteSpace(p.Title) ? null : p.Title!.Trim();
            if (title is not null && !SameWords(title, p.JsonName))
            {
                return title + (EndsSentence(title) ? string.Empty : ".");
            }

            return Words(p.JsonName) + ": " + Shape(p) + ".";
        }

        /// <summary>The facts line, already escaped doc text: <c>Required. At most 600 characters.</c></summary>
        public static string Facts(ModelSpec model, PropertySpec p)
        {
            var facts = new List<string>();
            facts.Add(p.Required
                ? "Required" + (p.DefaultJson is null ? "." : ", default " + Value(p.DefaultJson) + ".")
                : p.DefaultJson is null ? "Optional." : "Optional, default " + Value(p.DefaultJson) + " (applied by the server while null).");
            string? range = Range("", p.Minimum, p.ExclusiveMinimum, p.Maximum, p.ExclusiveMaximum);
            if (range is not null)
            {
                facts.Add(range + ".");
            }

            string? length = Count(p.MinLength, p.MaxLength, "character");
            if (length is not null)
            {
                facts.Add(length + ".");
            }

            string? items = Count(p.MinItems, p.MaxItems, "item");
            if (items is not null)
            {
                facts.Add(items + ".");
            }

            if (p.Pattern is not null)
            {
                facts.Add("Matches " + DocText.Code(Cut(p.Pattern)) + ".");
            }

            if (p.ConstJson is not null)
            {
                facts.Add("Must be " + Value(p.ConstJson) + ".");
            }

            if (p.Kind == ValueKind.Enum)
            {
                EnumSpec spec = model.Enums[p.EnumIndex];
                facts.Add(spec.IsString || !IsRun(spec)
                    ? "One of " + Values(spec.Members.Select(m => spec.IsString ? Literal.String(m.Value) : m.Value).ToList()) + "."
                    : "A whole number from " + DocText.Inline(spec.Members[0].Value) + " to " + DocText.Inline(spec.Members[spec.Members.Count - 1].Value) + ".");
            }
            else if (p.HasEnum)
            {
                facts.Add("One of " + Values(p.EnumJson.ToList()) + ".");
            }

            if (p.ItemRules is ItemRulesSpec rules && !rules.IsEmpty)
            {
                facts.Add(ItemFacts(rules));
            }

            if (p.IsMedia)
            {
                facts.Add(Media(p));
            }

            return string.Join(" ", facts);
        }

        /// <summary>True for an integer enum of more than <see cref="MaxValuesShown"/> consecutive numbers in order (1, 2, ... 15).</summary>
        private static bool IsRun(EnumSpec spec)
        {
            if (spec.Members.Count <= MaxValuesShown)
            {
                return false;
            }

            for (int i = 1; i < spec.Members.Count; i++)
            {
                if (!long.TryParse(spec.Members[i - 1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long previous)
                    || !long.TryParse(spec.Members[i].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long current)
                    || current != previous + 1)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Media in brief: <c>Image URL (HTTPS or data:), file &lt; 10 MB, 0.33 &lt; width/height &lt; 3.</c></summary>
        private static string Media(PropertySpec p)
        {
            string format = p.Format ?? p.ItemFormat ?? string.Empty;
            string noun = format.StartsWith("video", System.StringComparison.Ordinal) ? "Video"
                : format.StartsWith("audio", System.StringComparison.Ordinal) ? "Audio"
                : format.StartsWith("image", System.StringComparison.Ordinal) ? "Image" : "Media";
            string text = noun + (p.IsArray ? " URLs" : " URL") + " (HTTPS or <c>data:</c>)";
            var rules = new List<string>();
            foreach (IGrouping<string, MediaRuleSpec> subject in p.MediaRules.Where(r => r.Subject.Length > 0).GroupBy(r => r.Subject))
            {
                string lower = string.Join(", ", subject.Where(r => r.Operator[0] == '>').Select(r => r.Value + " " + Operator(Mirror(r.Operator))));
                string upper = string.Join(", ", subject.Where(r => r.Operator[0] == '<').Select(r => Operator(r.Operator) + " " + r.Value));
                string unit = subject.Key == MediaRuleGrammar.FileSizeMb ? " MB" : subject.Key == MediaRuleGrammar.AspectRatio ? string.Empty : " px";
                string name = SubjectName(subject.Key);
                rules.Add(DocText.Inline((lower.Length > 0 ? lower + " " : string.Empty) + name + (upper.Length > 0 ? " " + upper + unit : lower.Length > 0 ? string.Empty : unit)));
            }

            return text + (rules.Count > 0 ? ", " + string.Join(", ", rules) : string.Empty) + ".";
        }

        private static string SubjectName(string subject)
        {
            switch (subject)
            {
                case MediaRuleGrammar.FileSizeMb: return "file";
                case MediaRuleGrammar.WidthPixels: return "width";
                case MediaRuleGrammar.HeightPixels: return "height";
                default: return "width/height";
            }
        }

        private static string Mirror(string op) => op.Replace('>', '<');

        private static string Operator(string op) => op == "<=" ? "\u2264" : op == ">=" ? "\u2265" : op;

        private static string ItemFacts(ItemRulesSpec rules)
        {
            var parts = new List<string>();
            string? length = Count(rules.MinLength, rules.MaxLength, "character");
            if (length is not null)
            {
                parts.Add(length.Substring(0, 1).ToLowerInvariant() + length.Substring(1));
            }

            string? range = Range("", rules.Minimum, rules.ExclusiveMinimum, rules.Maximum, rules.ExclusiveMaximum);
            if (range is not null)
            {
                parts.Add(range);
            }

            if (rules.Pattern is not null)
            {
                parts.Add("matches " + DocText.Code(Cut(rules.Pattern)));
            }

            if (rules.EnumJson.Count > 0)
            {
                parts.Add("one of " + Values(rules.EnumJson.ToList()));
            }

            return "Each item: " + string.Join(", ", parts) + ".";
        }

        /// <summary><c>1 to 10</c>, <c>≥ 0</c>, <c>&gt; 0 and ≤ 1</c>; null without bounds.</summary>
        private static string? Range(string prefix, string? minimum, string? exclusiveMinimum, string? maximum, string? exclusiveMaximum)
        {
            if (minimum is not null && maximum is not null && exclusiveMinimum is null && exclusiveMaximum is null)
            {
                return prefix + "From " + DocText.Inline(minimum) + " to " + DocText.Inline(maximum);
            }

            var bounds = new List<string>();
            if (minimum is not null)
            {
                bounds.Add("\u2265 " + DocText.Inline(minimum));
            }

            if (exclusiveMinimum is not null)
            {
                bounds.Add("&gt; " + DocText.Inline(exclusiveMinimum));
            }

            if (maximum is not null)
            {
                bounds.Add("\u2264 " + DocText.Inline(maximum));
            }

            if (exclusiveMaximum is not null)
            {
                bounds.Add("&lt; " + DocText.Inline(exclusiveMaximum));
            }

            return bounds.Count == 0 ? null : prefix + string.Join(" and ", bounds);
        }

        /// <summary><c>1 to 10 items</c>, <c>At least 1 item</c>, <c>At most 600 characters</c>; null without bounds.</summary>
        private static string? Count(int? min, int? max, string noun)
        {
            if (min is int low && max is int high)
            {
                return low == high
                    ? "Exactly " + CodeText.Plural(low, noun)
                    : low.ToString(CultureInfo.InvariantCulture) + " to " + CodeText.Plural(high, noun);
            }

            return min is int least ? "At least " + CodeText.Plural(least, noun)
                : max is int most ? "At most " + CodeText.Plural(most, noun)
                : null;
        }

        /// <summary>Values as inline code, the first <see cref="MaxValuesShown"/> and a count of the rest.</summary>
        private static string Values(IReadOnlyList<string> values)
        {
            string shown = string.Join(", ", values.Take(MaxValuesShown).Select(Value));
            return values.Count > MaxValuesShown
                ? shown + " \u2026 (" + values.Count.ToString(CultureInfo.InvariantCulture) + " values)"
                : shown;
        }

        private static string Value(string json) => DocText.Code(Cut(json));

        private static string Cut(string text) =>
            text.Length <= MaxValueLength ? text : text.Substring(0, char.IsHighSurrogate(text[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength) + "\u2026";

        /// <summary>What the value is, from its type: <c>text</c>, <c>a whole number</c>, <c>a list of image URLs</c>...</summary>
        private static string Shape(PropertySpec p)
        {
            string one;
            string many;
            switch (p.Kind)
            {
                case ValueKind.String: one = "text"; many = "texts"; break;
                case ValueKind.Media: one = "a media URL"; many = "media URLs"; break;
                case ValueKind.Int32:
                case ValueKind.Int64: one = "a whole number"; many = "whole numbers"; break;
                case ValueKind.Double: one = "a number"; many = "numbers"; break;
                case ValueKind.Boolean: one = "true or false"; many = "true/false values"; break;
                case ValueKind.Enum: one = "one of the allowed values"; many = "allowed values"; break;
                default: one = "any JSON value"; many = "JSON values"; break;
            }

            return p.IsArray ? "a list of " + many : one;
        }

        /// <summary>The JSON name as words: <c>sequential_image_generation</c> is <c>Sequential image generation</c>.</summary>
        public static string Words(string jsonName)
        {
            string[] parts = jsonName.Split(new[] { '_', '-', ' ', '.' }, System.StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                return jsonName;
            }

            string joined = string.Join(" ", parts).ToLowerInvariant();
            return char.ToUpperInvariant(joined[0]) + joined.Substring(1);
        }

        private static bool SameWords(string title, string jsonName) =>
            string.Equals(Words(title), Words(jsonName), System.StringComparison.OrdinalIgnoreCase);

        private static bool EndsSentence(string text) => text.EndsWith(".", System.StringComparison.Ordinal) || text.EndsWith("!", System.StringComparison.Ordinal) || text.EndsWith("?", System.StringComparison.Ordinal);
    }
}
