using Newtonsoft.Json.Linq;
using RunComfy.Emulator.Validation;

namespace RunComfy.Emulator.Models;

/// <summary>One model the emulator serves: its input schema plus catalog facts derived from its id.</summary>
internal sealed class EmulatedModel
{
    public EmulatedModel(string id, string schemaJson)
    {
        Id = id;
        SchemaJson = schemaJson;
        RawSchema = StrictJson.ParseObject(schemaJson);
        Kind = ModelFacts.KindOf(id);
        DisplayName = ModelFacts.DisplayNameOf(id);
        Category = ModelFacts.CategoryOf(id, Kind);
        Validator = new SubmissionValidator(RawSchema);
    }

    public string Id { get; }

    /// <summary>The input schema exactly as loaded.</summary>
    public string SchemaJson { get; }

    public JObject RawSchema { get; }

    public ModelKind Kind { get; }

    public string DisplayName { get; }

    public string Category { get; }

    public SubmissionValidator Validator { get; }

    public IReadOnlyList<string> RequiredInputs =>
        RawSchema["required"] is JArray required ? required.Select(t => (string?)t).OfType<string>().ToArray() : [];

    public string KindName => Kind switch
    {
        ModelKind.Video => "video",
        ModelKind.Audio => "audio",
        _ => "image",
    };
}
