namespace RunComfy.Cli.Exit;

/// <summary>
/// Process exit codes: the official RunComfy CLI's table (BSD <c>sysexits.h</c> values), so scripts
/// written for one work with the other.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The job failed or was cancelled, or an output could not be downloaded.</summary>
    public const int Failed = 1;

    /// <summary>
    /// <c>schemas check</c>: RunComfy's schemas changed, compatibly (new optional inputs, enum values added, limits
    /// loosened, text). Code built on the local schemas still works; pull to use what is new. Below the sysexits range.
    /// </summary>
    public const int SchemaDriftCompatible = 10;

    /// <summary>
    /// <c>schemas check</c>: at least one change breaks code built on the local schemas (a property removed or newly
    /// required, an enum value removed, a type changed, a limit or media rule tightened, the model gone).
    /// </summary>
    public const int SchemaDriftBreaking = 11;

    /// <summary>The command line itself is wrong (EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>Bad input: validation errors, an unknown model, or an HTTP 4xx answer (EX_DATAERR).</summary>
    public const int BadInput = 65;

    /// <summary>A local file named on the command line does not exist (EX_NOINPUT).</summary>
    public const int MissingFile = 66;

    /// <summary>The service failed: HTTP 5xx or the network (EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;

    /// <summary>Try again later: a timeout, HTTP 408 or 429, or a job still running (EX_TEMPFAIL).</summary>
    /// <remarks>Never used for a submit of unknown outcome: scripts retry on 75, and a retried submit can bill twice.</remarks>
    public const int TryLater = 75;

    /// <summary>
    /// A submit may have created a (billed) job whose request id is unknown: never retry it
    /// automatically; check <c>requests</c> and the RunComfy account (EX_PROTOCOL, which no retry
    /// convention treats as transient, unlike 75; not in the official CLI's table, which has no such case).
    /// </summary>
    public const int SubmitOutcomeUnknown = 76;

    /// <summary>The token is missing, wrong or not allowed: HTTP 401/403 (EX_NOPERM).</summary>
    public const int NoPermission = 77;

    /// <summary>Ctrl-C while the job was already running: it runs on and can be fetched later.</summary>
    public const int Interrupted = 130;
}
