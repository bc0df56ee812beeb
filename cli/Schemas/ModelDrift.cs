namespace RunComfy.Cli.Schemas;

/// <summary>How a local schema stands against RunComfy's current one.</summary>
internal enum DriftStatus
{
    InSync,
    Compatible,
    Breaking,

    /// <summary>The local file could not be checked (not JSON, not a model id); see <see cref="ModelDrift.Problem"/>.</summary>
    Unchecked,
}

/// <summary>The result of checking one local schema.</summary>
internal sealed record ModelDrift(string ModelId, string Path, DriftStatus Status, IReadOnlyList<SchemaChange> Changes, string? Problem = null)
{
    public static ModelDrift From(string modelId, string path, IReadOnlyList<SchemaChange> changes) =>
        new(modelId, path, changes.Count == 0 ? DriftStatus.InSync : changes.Any(c => c.Breaking) ? DriftStatus.Breaking : DriftStatus.Compatible, changes);
}
