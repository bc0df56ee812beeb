namespace RunComfy;

/// <summary>Where one batch item is, as reported to <see cref="BatchOptions.Progress"/>.</summary>
public enum BatchItemPhase
{
    /// <summary>Its submit is being sent.</summary>
    Submitting,

    /// <summary>Submitted (or resumed) and queued on the server.</summary>
    Queued,

    /// <summary>Running on the server.</summary>
    Running,

    /// <summary>Its outcome is known (and is being yielded).</summary>
    Finished,
}
