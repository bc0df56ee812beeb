namespace RunComfy.Diagnostics;

/// <summary>
/// The model id of the run in progress on this async flow, so that the status, result and cancel calls a run makes
/// (which know only a request id, and stay virtual for mocking) can tag their metrics with it. Set only while
/// someone listens.
/// </summary>
internal static class RunModel
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? ModelId => Current.Value;

    /// <summary>
    /// Clears the model while the caller's own code runs (a progress callback): what it calls, or starts and leaves
    /// running, is not the run's. Returns the model to hand back to <see cref="Restore"/>.
    /// </summary>
    public static string? Suspend()
    {
        var model = Current.Value;
        if (model is not null)
        {
            Current.Value = null;
        }

        return model;
    }

    /// <summary>Puts back the model <see cref="Suspend"/> cleared.</summary>
    public static void Restore(string? model)
    {
        if (model is not null)
        {
            Current.Value = model;
        }
    }

    /// <summary>Called at the start of an async method: the value reverts when that method returns.</summary>
    public static void Set(string? modelId)
    {
        if (ClientMetrics.AnyEnabled || ClientTelemetry.Source.HasListeners())
        {
            Current.Value = modelId;
        }
    }
}
