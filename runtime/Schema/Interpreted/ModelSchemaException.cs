namespace RunComfy;

/// <summary>
/// <see cref="ModelInfo.FromSchema"/> was given a schema the generator would refuse; every error is listed,
/// with the generator's diagnostic id.
/// </summary>
public sealed class ModelSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelId">The model the schema is for.</param>
    /// <param name="problems">The problems found; the errors among them are why the schema is refused.</param>
    public ModelSchemaException(string modelId, IReadOnlyList<SchemaProblem> problems)
        : base($"The input schema of '{modelId}' cannot be used:"
               + string.Concat((problems ?? []).Where(p => p.IsError).Select(p => Environment.NewLine + "  - " + p)))
    {
        ModelId = modelId;
        Problems = problems ?? [];
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<SchemaProblem> Problems { get; }
}
