using System.Net.Http;

namespace RunComfy.Client.Transport;

/// <summary>
/// Marks one submit attempt so that it can reach the network once only. The transport attaches it to the
/// request message (options and content); <see cref="SubmitResendGuardHandler"/>, placed innermost, lets the
/// first send through and refuses any later one, whatever handler outside the client tries it.
/// </summary>
internal sealed class SubmitSendOnce
{
    public static readonly HttpRequestOptionsKey<SubmitSendOnce> Key = new("RunComfy.SubmitSendOnce");

    private int _sends;
    private int _refused;

    /// <summary>True the first time; false for every later attempt to send the same submit.</summary>
    public bool TrySend()
    {
        if (Interlocked.Increment(ref _sends) == 1)
        {
            return true;
        }

        Volatile.Write(ref _refused, 1);
        return false;
    }

    /// <summary>
    /// The send that went through certainly did not reach the server (connection refused, 429): a handler outside
    /// may send it again, as the client's own submit retries do.
    /// </summary>
    public void Release() => Interlocked.Exchange(ref _sends, 0);

    /// <summary>A handler outside the client tried to send this submit again (and was refused).</summary>
    public bool ResendRefused => Volatile.Read(ref _refused) == 1;

    /// <summary>The mark of a request message: from its options, or from its content should a handler have copied the message without them.</summary>
    public static SubmitSendOnce? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var mark) ? mark : (request.Content as SubmitContent)?.SendOnce;
}
