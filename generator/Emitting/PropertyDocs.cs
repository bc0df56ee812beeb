using System.Collections.Generic;
using System.Linq;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The XML doc of a request property: the summary (what hover shows) has the description and the facts in
    /// brief (<see cref="HoverText"/>); the remarks keep the full detail: title, default, limits, media rules.
    /// </summary>
    internal static class PropertyDocs
    {
        public static void Emit(SourceWriter w, ModelSpec model, PropertySpec p)
        {
            // IDE hover shows the summary only: it carries the description (or a fallback) and the facts in brief.
            w.Line("/// <summary>");
            string? title = CodeText.IsNullOrWhiteSpace(p.Title) ? null : p.Title!.Trim();
            string? description = CodeText.IsNullOrWhiteSpace(p.Description) ? null : p.Description!.Trim();
            string opening = HoverText.Opening(p, out bool descriptionCut);
            foreach (string line in DocText.Lines(opening, HoverText.MaxDescriptionLength))
            {
                w.Line("/// " + line);
            }

            w.Line("/// <para>" + HoverText.Facts(model, p) + "</para>");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            if (descriptionCut)
            {
                w.Line("/// <para>");
                foreach (string line in DocText.Lines(description!))
                {
                    w.Line("/// " + line);
                }

                w.Line("/// </para>");
            }

            foreach (string para in Paragraphs(model, p, title, description is not null))
            {
                w.Line("/// <para>" + para + "</para>");
            }

            w.Line("/// </remarks>");
        }

        private static IEnumerable<string> Paragraphs(ModelSpec model, PropertySpec p, string? title, bool titleNotInSummary)
        {
            string head = "JSON " + DocText.Code(p.JsonName);
            if (title is not null && titleNotInSummary)
            {
                head += " (" + DocText.Inline(title) + ")";
            }

            head += p.Required ? ". Required." : ". Optional: left out of the request while null, so the server's default applies.";
            yield return head;
            if (p.DefaultJson is not null)
            {
                yield return "Default: " + DocText.Code(p.DefaultJson) + ".";
            }

            var limits = new List<string>();
            if (p.MinLength is int minLength)
            {
                limits.Add("At least " + CodeText.Plural(minLength, "character") + " (Unicode code points).");
            }

            if (p.MaxLength is int maxLength)
            {
                limits.Add("At most " + CodeText.Plural(maxLength, "character") + " (Unicode code points).");
            }

            if (p.Minimum is not null)
            {
                limits.Add("Minimum " + DocText.Inline(p.Minimum) + ".");
            }

            if (p.ExclusiveMinimum is not null)
            {
                limits.Add("Greater than " + DocText.Inline(p.ExclusiveMinimum) + ".");
            }

            if (p.Maximum is not null)
            {
                limits.Add("Maximum " + DocText.Inline(p.Maximum) + ".");
            }

            if (p.ExclusiveMaximum is not null)
            {
                limits.Add("Less than " + DocText.Inline(p.ExclusiveMaximum) + ".");
            }

            if (p.MinItems is int minItems)
            {
                limits.Add("At least " + CodeText.Plural(minItems, "item") + ".");
            }

            if (p.MaxItems is int maxItems)
            {
                limits.Add("At most " + CodeText.Plural(maxItems, "item") + ".");
            }

            if (p.Pattern is not null)
            {
                limits.Add("Pattern " + DocText.Code(p.Pattern) + ".");
            }

            if (p.ConstJson is not null)
            {
                limits.Add("Must be " + DocText.Code(p.ConstJson) + ".");
            }

            if (p.HasEnum && p.Kind != ValueKind.Enum)
            {
                limits.Add("One of " + DocText.Code(string.Join(", ", p.EnumJson)) + ".");
            }

            if (limits.Count > 0)
            {
                yield return string.Join(" ", limits);
            }

            string? format = p.Format ?? p.ItemFormat;
            if (format is not null)
            {
                yield return "Format " + DocText.Code(format) + (p.IsMedia ? ": a URL (HTTPS or <c>data:</c>) that converts from a string or <see cref=\"global::System.Uri\"/>." : ".");
            }

            if (p.MediaRules.Count > 0)
            {
                yield return "Media rules (checked on the file): " + string.Join("; ", p.MediaRules.Select(r =>
                    DocText.Code(r.Rule + " " + r.Value) + (r.Message is null ? string.Empty : " (" + DocText.Inline(r.Message) + ")"))) + ".";
            }

            if (p.Kind == ValueKind.Enum)
            {
                yield return "Values: <see cref=\"" + TypeNames.Enum(model, model.Enums[p.EnumIndex]) + "\"/>.";
            }
        }
    }
}
