using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The XML doc of a request record. The summary (what hover shows) names the model: its title, the start of
    /// its description and its id; the remarks keep the whole description.
    /// </summary>
    internal static class RecordDocs
    {
        /// <summary>Characters of the model description in the summary.</summary>
        public const int MaxDescriptionLength = 300;

        public static void Emit(SourceWriter w, ModelSpec model)
        {
            string? title = CodeText.IsNullOrWhiteSpace(model.Title) ? null : model.Title!.Trim();
            string? description = CodeText.IsNullOrWhiteSpace(model.Description) ? null : model.Description!.Trim();
            w.Line("/// <summary>");
            if (title is not null)
            {
                w.Line("/// <b>" + DocText.Inline(title) + "</b>");
            }

            if (description is not null)
            {
                foreach (string line in DocText.Lines(description, MaxDescriptionLength))
                {
                    w.Line("/// " + line);
                }
            }

            w.Line("/// <para>A request to the RunComfy model " + DocText.Code(model.ModelId) + ", generated from its input schema.</para>");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            if (description is not null && description.Length > MaxDescriptionLength)
            {
                foreach (string line in DocText.Lines(description))
                {
                    w.Line("/// " + line);
                }
            }

            w.Line("/// <para>Required parameters are <c>required</c> members; optional ones are left out of the JSON while null, so the server's default applies.</para>");
            w.Line("/// </remarks>");
        }
    }
}
