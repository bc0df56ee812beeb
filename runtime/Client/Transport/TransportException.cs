namespace RunComfy.Client.Transport;

/// <summary>An HTTP attempt that got no answer, with what is known about whether the request was sent.</summary>
internal sealed class TransportException : Exception
{
    public TransportException(TransportFailure failure, string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public TransportFailure Failure { get; }
}
