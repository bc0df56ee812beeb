namespace RunComfy.Emulator.Models;

/// <summary>What a model produces, which decides the output keys and files.</summary>
internal enum ModelKind
{
    Image,
    Video,
    Audio,
}
