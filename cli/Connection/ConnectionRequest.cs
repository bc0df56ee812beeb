namespace RunComfy.Cli.Connection;

/// <summary>What the command line says about where to connect.</summary>
/// <param name="Token">The <c>--token</c> option.</param>
/// <param name="BaseAddress">The <c>--base-address</c> option.</param>
/// <param name="UseEmulator">The <c>--emulator</c> flag.</param>
/// <param name="JournaledBaseAddress">The API a journaled request was submitted to, for commands that take a request id.</param>
internal sealed record ConnectionRequest(string? Token, string? BaseAddress, bool UseEmulator, string? JournaledBaseAddress = null);
