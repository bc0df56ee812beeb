namespace RunComfy;

/// <summary>
/// One entry of a schema's non-standard <c>validations</c> array, kept as data: it needs the media
/// file itself (size, width, height), so the runtime checks it, not the generated code.
/// </summary>
/// <param name="Rule">The <c>validation_rule</c>, e.g. <c>file_size_mb&lt;</c> or <c>width/height&gt;</c>.</param>
/// <param name="Value">The <c>validation_value</c>.</param>
/// <param name="Message">The <c>validation_error</c>, when the schema gives one.</param>
public sealed record MediaRule(string Rule, double Value, string? Message);
