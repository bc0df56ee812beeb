namespace RunComfy.Emulator.Endpoints;

/// <summary>The Model API's documented <c>error_code</c> values, plus the official mock's 400005.</summary>
internal static class ErrorCodes
{
    /// <summary>Invalid resource id, e.g. an unknown model.</summary>
    public const int InvalidResourceId = 400001;

    /// <summary>No balance left.</summary>
    public const int NoBalance = 400002;

    /// <summary>Account or token problem: missing, expired, revoked.</summary>
    public const int TokenProblem = 400004;

    /// <summary>Result asked before completion (official mock).</summary>
    public const int ResultNotReady = 400005;

    /// <summary>The request belongs to another user.</summary>
    public const int AnotherUsersRequest = 403001;

    /// <summary>Request id unknown, deleted or expired.</summary>
    public const int UnknownRequest = 404001;
}
