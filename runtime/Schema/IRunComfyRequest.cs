using System.Text.Json;

namespace RunComfy;

/// <summary>
/// A request to one RunComfy model. Implemented by the record the source generator emits for each
/// input schema; the lifecycle client works only through this interface.
/// </summary>
public interface IRunComfyRequest
{
    /// <summary>The model id, the path of the model's schema: <c>bytedance/seedream-4-0/edit</c>.</summary>
    string ModelId { get; }

    /// <summary>
    /// Checks every rule of the input schema that needs no I/O and returns all problems at once.
    /// Media rules (<c>validations</c>) that need the file itself are checked by <c>ValidateAsync</c>.
    /// </summary>
    ValidationResult Validate();

    /// <summary>Writes the request body (the model's input object, no wrapper) without reflection.</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>Every media value set on this request, each with the <c>validations</c> rules that apply to it.</summary>
    IReadOnlyList<MediaField> GetMediaFields();
}

/// <summary>The static side of a generated request: its metadata and its JSON parser.</summary>
/// <typeparam name="TSelf">The generated request type.</typeparam>
public interface IRunComfyRequest<TSelf> : IRunComfyRequest
    where TSelf : class, IRunComfyRequest<TSelf>
{
    /// <summary>The model's metadata: id, parameters, schema text.</summary>
    static abstract ModelInfo Metadata { get; }

    /// <summary>
    /// Parses a request body. Unknown fields, mistyped values and missing required fields are all
    /// reported in one <see cref="RequestJsonException"/>.
    /// </summary>
    static abstract TSelf FromJson(string json);
}
