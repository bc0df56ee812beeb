namespace RunComfy.Client.Transport;

/// <summary>
/// Thrown by <see cref="SubmitResendGuardHandler"/> to a handler that tries to send a submit a second time.
/// Deliberately not an <c>HttpRequestException</c>, so retry handlers (which retry those) give up at once.
/// </summary>
internal sealed class SubmitResendRefusedException : InvalidOperationException
{
    public SubmitResendRefusedException()
        : base("RunComfy: a message handler tried to send a submit a second time; refused, because a resent submit can run and bill twice.")
    {
    }
}
