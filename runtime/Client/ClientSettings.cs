namespace RunComfy.Client;

/// <summary>The options a client was built with, checked and copied so later changes to the options object do not leak in.</summary>
internal sealed record ClientSettings(
    Uri BaseAddress,
    TimeSpan PollInterval,
    TimeSpan MaxPollInterval,
    TimeSpan RequestTimeout,
    TimeSpan ConnectTimeout,
    bool IncludeCost,
    TimeProvider Time,
    MediaValidationOptions? MediaValidation,
    Func<IRunComfyRequest, CancellationToken, ValueTask<ValidationResult>>? ValidateMediaAsync)
{
    /// <summary>The longest retry wait that may be configured (delays beyond ~49 days would make Task.Delay throw).</summary>
    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromDays(1);

    public static ClientSettings From(RunComfyClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequirePositive(options.RequestTimeout, nameof(options.RequestTimeout));
        RequirePositive(options.ConnectTimeout, nameof(options.ConnectTimeout));
        if (options.PollInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PollInterval, "PollInterval must not be negative.");
        }

        if (options.MaxPollInterval < options.PollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxPollInterval, "MaxPollInterval must be at least PollInterval.");
        }

        var retry = options.Retry;
        if (retry.MaxRetries < 0 || retry.Delay < TimeSpan.Zero || retry.MaxDelay < retry.Delay || retry.MaxRetryAfter < TimeSpan.Zero
            || retry.MaxTotalRetryAfter < TimeSpan.Zero || retry.MaxDelay > MaxRetryWait || retry.MaxRetryAfter > MaxRetryWait || retry.MaxTotalRetryAfter > MaxRetryWait)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Retry: MaxRetries and delays must not be negative, MaxDelay must be at least Delay, and MaxDelay, MaxRetryAfter and MaxTotalRetryAfter at most 1 day.");
        }

        return new ClientSettings(
            ResolveBaseAddress(options.BaseAddress, environment),
            options.PollInterval,
            options.MaxPollInterval,
            options.RequestTimeout,
            options.ConnectTimeout,
            options.IncludeCost,
            options.TimeProvider ?? TimeProvider.System,
            options.MediaValidation,
            options.ValidateMediaAsync);
    }

    /// <summary>The option, else <c>RUNCOMFY_MODEL_API_BASE</c>, else the documented address; HTTPS, or HTTP on loopback only.</summary>
    internal static Uri ResolveBaseAddress(Uri? configured, Func<string, string?> environment)
    {
        var source = "BaseAddress";
        var address = configured;
        if (address is null && environment(RunComfyClientOptions.BaseAddressEnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            source = RunComfyClientOptions.BaseAddressEnvironmentVariable;
            if (!Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out address))
            {
                throw new ArgumentException($"{source} is not an absolute URL: '{fromEnvironment}'.");
            }
        }

        address ??= RunComfyClientOptions.DefaultBaseAddress;
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"{source} must be an absolute URL, not '{address}'.");
        }

        // Shown without user info or query: that is where a credential would sit.
        var shown = address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            throw new ArgumentException($"{source} '{shown}' must not hold a user name or password ('user:secret@host'); the token goes in the Authorization header only.");
        }

        if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback))
        {
            throw new ArgumentException(
                $"{source} '{shown}' must use HTTPS; plain HTTP is allowed only for loopback (a local emulator), so the token never crosses a network in clear text.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ArgumentException($"{source} '{shown}' must not have a query or a fragment.");
        }

        // A trailing slash keeps a path prefix (https://host/prefix/) when relative paths are added.
        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
