namespace RunComfy.Emulator.Files;

/// <summary>A file the emulator serves: generated outputs and files added by tests.</summary>
internal sealed record ServedFile(byte[] Content, string ContentType, DateTimeOffset LastModified);
