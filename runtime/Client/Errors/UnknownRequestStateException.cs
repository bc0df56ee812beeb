namespace RunComfy;

/// <summary>
/// A wait ended because the API kept reporting a status string this client does not know
/// (see <see cref="RunOptions.UnknownStatusLimit"/>). The request may still be running: resume with
/// <see cref="RunComfyClient.WaitAsync"/> or look at it with <see cref="RunComfyClient.GetResultAsync"/>.
/// </summary>
public sealed class UnknownRequestStateException : RunComfyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="rawStatus">The status string that was not understood (null when the answer had none).</param>
    /// <param name="answers">How many answers in a row carried it.</param>
    public UnknownRequestStateException(string requestId, string? rawStatus, int answers)
        : base($"Request '{requestId}' reported the status {(rawStatus is null ? "(none)" : $"'{RunComfy.Client.Wire.ServerText.ForMessage(rawStatus, null, 100)}'")}, which this client does not know, "
               + $"{answers} time{(answers == 1 ? "" : "s")} in a row; stopped waiting so as not to poll forever. "
               + "The request may still be running: resume with WaitAsync or read it with GetResultAsync.")
    {
        RequestId = requestId;
        RawStatus = rawStatus;
    }

    /// <summary>The status string that was not understood.</summary>
    public string? RawStatus { get; }
}
