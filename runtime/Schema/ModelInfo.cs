using RunComfy.Schema.Interpreted;

namespace RunComfy;

/// <summary>What a model knows about itself: id, request type, parameters, schema, parser.</summary>
public sealed class ModelInfo
{
    private readonly Func<string, IRunComfyRequest> _parse;

    // The interpreter for this schema: the reader of a model loaded at run time, and for a generated model the
    // lenient reader Check uses to find validation problems in a body that cannot be parsed whole.
    private readonly Lazy<InterpretedModel?> _interpreted;

    // Built on first use (generated models): a model nobody asks about costs no parameter objects and no schema string.
    private readonly Func<IReadOnlyList<ModelParameter>>? _createParameters;
    private readonly Func<string>? _createSchemaJson;
    private IReadOnlyList<ModelParameter>? _parameters;
    private string? _schemaJson;

    /// <summary>Creates the metadata; for generated code (a model of your own comes from <see cref="FromSchema"/>).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public ModelInfo(string modelId, Type requestType, IReadOnlyList<ModelParameter> parameters, string schemaJson, Func<string, IRunComfyRequest> parse)
        : this(modelId, requestType, parse)
    {
        _parameters = parameters;
        _schemaJson = schemaJson;
    }

    /// <summary>
    /// Creates the metadata with the parameters and the schema text built on first use; called by generated code,
    /// whose schema text is stored once, as UTF-8.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public ModelInfo(string modelId, Type requestType, Func<IReadOnlyList<ModelParameter>> parameters, Func<string> schemaJson, Func<string, IRunComfyRequest> parse)
        : this(modelId, requestType, parse)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(schemaJson);
        _createParameters = parameters;
        _createSchemaJson = schemaJson;
    }

    private ModelInfo(string modelId, Type requestType, Func<string, IRunComfyRequest> parse)
    {
        ModelId = modelId;
        RequestType = requestType;
        _parse = parse;
        _interpreted = new Lazy<InterpretedModel?>(() => SchemaInterpreter.Interpret(modelId, SchemaJson) is { Properties: { } properties } ? new InterpretedModel(modelId, properties) : null);
        SchemaWarnings = [];
    }

    private ModelInfo(InterpretedModel model, IReadOnlyList<ModelParameter> parameters, string schemaJson, IReadOnlyList<SchemaProblem> warnings)
    {
        ModelId = model.ModelId;
        RequestType = typeof(InterpretedRequest);
        _parameters = parameters;
        _schemaJson = schemaJson;
        _parse = model.Parse;
        _interpreted = new Lazy<InterpretedModel?>(model);
        SchemaWarnings = warnings;
    }

    /// <summary>The model id, e.g. <c>bytedance/seedream-4-0/edit</c>.</summary>
    public string ModelId { get; }

    /// <summary>The generated request type, or <see cref="InterpretedRequest"/> for a model loaded at run time.</summary>
    public Type RequestType { get; }

    /// <summary>True for a model built by <see cref="FromSchema"/> rather than compiled by the generator.</summary>
    public bool IsLoadedAtRunTime => RequestType == typeof(InterpretedRequest);

    /// <summary>The input parameters in schema order.</summary>
    public IReadOnlyList<ModelParameter> Parameters => _parameters ?? LazyInitializer.EnsureInitialized(ref _parameters, _createParameters!);

    /// <summary>The input schema exactly as it was compiled (or loaded).</summary>
    public string SchemaJson => _schemaJson ?? LazyInitializer.EnsureInitialized(ref _schemaJson, _createSchemaJson!);

    /// <summary>For a model loaded at run time: the generator's warnings for its schema (keywords ignored, names changed); empty for a generated model.</summary>
    public IReadOnlyList<SchemaProblem> SchemaWarnings { get; }

    /// <summary>
    /// Builds at run time the model the generator would build at compile time from the same schema: the same
    /// <see cref="Parameters"/>, and a <see cref="Parse"/> whose requests validate, write JSON and list media
    /// exactly as the generated type does (same paths, rules and messages), through the same runtime helpers.
    /// </summary>
    /// <param name="modelId">The model id, e.g. <c>kling/kling-3.0/pro/text-to-video</c>.</param>
    /// <param name="schemaJson">The input schema, as RunComfy publishes it (<c>input_schema</c> of <c>GET /v1/models/{id}</c>).</param>
    /// <returns>The model; <see cref="RunComfyClient"/> submits and runs its requests like generated ones.</returns>
    /// <exception cref="ModelSchemaException">The generator would refuse the schema; every error is listed with its diagnostic id.</exception>
    public static ModelInfo FromSchema(string modelId, string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(schemaJson);
        var (properties, problems) = SchemaInterpreter.Interpret(modelId, schemaJson);
        if (properties is null || problems.Any(p => p.IsError))
        {
            throw new ModelSchemaException(modelId, problems);
        }

        var model = new InterpretedModel(modelId, properties);
        return new ModelInfo(model, [.. properties.Select(ToParameter)], schemaJson, problems);
    }

    /// <summary>Parses a JSON request body into the model's request.</summary>
    /// <exception cref="RequestJsonException">Unknown, mistyped or missing fields; all of them are listed.</exception>
    public IRunComfyRequest Parse(string json) => _parse(json);

    /// <summary>
    /// Checks a JSON body and returns every problem at once: parse problems (a wrong type, a value outside an
    /// enum) together with the schema rules the readable values break (lengths, limits, counts). Nothing is thrown
    /// for a bad body, and no I/O is done.
    /// </summary>
    /// <param name="json">The request body (the model's input object).</param>
    /// <returns>The problems; <see cref="RequestCheck.Request"/> is the parsed request when the body could be read whole.</returns>
    public RequestCheck Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (request, partial, parseErrors) = Read(json);
        return new RequestCheck(request, parseErrors, ValidationErrorsOf(request ?? partial, parseErrors), [], []);
    }

    /// <summary>
    /// As <see cref="Check"/>, and also the <c>validations</c> media rules on the media themselves (size, pixels),
    /// read as <see cref="RequestMediaValidation.ValidateAsync"/> reads them, for every media value that could be read.
    /// </summary>
    /// <param name="json">The request body.</param>
    /// <param name="options">How to read media; <see cref="MediaValidationOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the media reads.</param>
    /// <returns>Every problem.</returns>
    public async Task<RequestCheck> CheckAsync(string json, MediaValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (request, partial, parseErrors) = Read(json);
        IRunComfyRequest? target = request ?? partial;
        IReadOnlyList<ValidationError> validationErrors = ValidationErrorsOf(target, parseErrors);
        if (target is null)
        {
            return new RequestCheck(null, parseErrors, validationErrors, [], []);
        }

        ValidationResult withMedia = await target.ValidateAsync(options, cancellationToken).ConfigureAwait(false);
        var basic = target.Validate().Errors.ToHashSet();
        List<ValidationError> mediaErrors = [.. withMedia.Errors.Where(e => !basic.Contains(e))];
        return new RequestCheck(request, parseErrors, validationErrors, mediaErrors, withMedia.Warnings);
    }

    /// <inheritdoc />
    public override string ToString() => ModelId;

    /// <summary>The parsed request, or the readable part of the body with the parse errors.</summary>
    private (IRunComfyRequest? Request, IRunComfyRequest? Partial, IReadOnlyList<ValidationError> ParseErrors) Read(string json)
    {
        try
        {
            return (Parse(json), null, []);
        }
        catch (RequestJsonException ex)
        {
            // The model's own parser is the authority on parse errors; the interpreter (proved equal by the
            // differential test) supplies the values that could be read, so their rules are checked too.
            InterpretedRequest? partial = null;
            if (ex.Errors.All(e => e.Path != "$") && _interpreted.Value is InterpretedModel model)
            {
                partial = model.Read(json).Request;
            }

            return (null, partial, ex.Errors);
        }
    }

    private static IReadOnlyList<ValidationError> ValidationErrorsOf(IRunComfyRequest? request, IReadOnlyList<ValidationError> parseErrors)
    {
        if (request is null)
        {
            return [];
        }

        var troubled = parseErrors.Select(e => RootOf(e.Path)).ToHashSet(StringComparer.Ordinal);
        return [.. request.Validate().Errors.Where(e => !troubled.Contains(RootOf(e.Path)))];
    }

    private static string RootOf(string path)
    {
        int end = path.IndexOf('[', StringComparison.Ordinal);
        return end < 0 ? path : path[..end];
    }

    private static ModelParameter ToParameter(InterpretedProperty p) => new()
    {
        Name = p.JsonName,
        PropertyName = p.MemberName,
        Type = p.SchemaType,
        Format = p.Format,
        ItemType = p.ItemType,
        ItemFormat = p.ItemFormat,
        IsMedia = p.Kind == InterpretedKind.Media,
        Required = p.Required,
        Title = p.Title,
        Description = p.Description,
        DefaultJson = p.DefaultJson,
        EnumJson = p.EnumJson.Count > 0 ? p.EnumJson : null,
        Minimum = Number(p.Minimum),
        Maximum = Number(p.Maximum),
        ExclusiveMinimum = Number(p.ExclusiveMinimum),
        ExclusiveMaximum = Number(p.ExclusiveMaximum),
        MinLength = p.MinLength,
        MaxLength = p.MaxLength,
        MinItems = p.MinItems,
        MaxItems = p.MaxItems,
        Pattern = p.Pattern,
        MediaRules = p.Kind == InterpretedKind.Media ? p.MediaRules : [],
    };

    private static double? Number(string? text) =>
        text is null ? null : double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
