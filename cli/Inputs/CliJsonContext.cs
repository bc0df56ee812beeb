using System.Text.Json.Serialization;

namespace RunComfy.Cli.Inputs;

/// <summary>Source-generated JSON metadata for the few plain values the CLI reads.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
