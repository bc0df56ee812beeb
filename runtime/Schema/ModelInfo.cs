namespace RunComfy;

/// <summary>What a generated model knows about itself: id, request type, parameters, schema, parser.</summary>
public sealed class ModelInfo
{
    private readonly Func<string, IRunComfyRequest> _parse;

    /// <summary>Creates the metadata; called by generated code.</summary>
    public ModelInfo(string modelId, Type requestType, IReadOnlyList<ModelParameter> parameters, string schemaJson, Func<string, IRunComfyRequest> parse)
    {
        ModelId = modelId;
        RequestType = requestType;
        Parameters = parameters;
        SchemaJson = schemaJson;
        _parse = parse;
    }

    /// <summary>The model id, e.g. <c>bytedance/seedream-4-0/edit</c>.</summary>
    public string ModelId { get; }

    /// <summary>The generated request type.</summary>
    public Type RequestType { get; }

    /// <summary>The input parameters in schema order.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>The input schema exactly as it was compiled.</summary>
    public string SchemaJson { get; }

    /// <summary>Parses a JSON request body into the generated request type.</summary>
    /// <exception cref="RequestJsonException">Unknown, mistyped or missing fields; all of them are listed.</exception>
    public IRunComfyRequest Parse(string json) => _parse(json);

    /// <inheritdoc />
    public override string ToString() => ModelId;
}
