namespace RunComfy;

/// <summary>
/// The RunComfy <c>error_code</c> values the Model API documents, as they appear in
/// <see cref="RunComfyException.ErrorCode"/>; use them in catch filters.
/// </summary>
public static class RunComfyErrorCodes
{
    /// <summary>400001: invalid resource id, e.g. a wrong model id.</summary>
    public const string InvalidResourceId = "400001";

    /// <summary>400002: no balance left on the account.</summary>
    public const string InsufficientBalance = "400002";

    /// <summary>400004: account or token problem (missing, expired or revoked token).</summary>
    public const string AccountOrTokenProblem = "400004";

    /// <summary>400005: the result was asked for before the request finished; the client treats it as "not ready".</summary>
    public const string ResultNotReady = "400005";

    /// <summary>403001: the request belongs to another user.</summary>
    public const string RequestOfAnotherUser = "403001";

    /// <summary>404001: the request id is unknown, deleted or expired.</summary>
    public const string RequestNotFound = "404001";
}
