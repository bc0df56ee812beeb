namespace RunComfy.Cli.Waiting;

/// <summary>Where and whether a finished request's outputs are downloaded.</summary>
/// <param name="OutputDirectory">The folder outputs are written to (created when missing).</param>
/// <param name="MaxBytes">The size cap per file.</param>
/// <param name="Download">False prints the output URLs without downloading them.</param>
internal sealed record DeliveryOptions(string OutputDirectory, long MaxBytes, bool Download = true)
{
    /// <summary>Origins trusted besides RunComfy's hosts and the API's own (<c>--trust-origin</c>).</summary>
    public IReadOnlyList<Uri> TrustedOrigins { get; init; } = [];
}
