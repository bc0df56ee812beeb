namespace RunComfy.Cli.Batch;

/// <summary>One request of an input file: its line number (the batch index) and the validated request.</summary>
internal sealed record BatchLine(long Line, IRunComfyRequest Request);
