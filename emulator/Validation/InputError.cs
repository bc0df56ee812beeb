namespace RunComfy.Emulator.Validation;

/// <summary>One broken rule of a submission, as reported in the <c>detail</c> array.</summary>
/// <param name="Path">The bad field.</param>
/// <param name="Rule">A JSON Schema keyword (<c>maxLength</c>) or a <c>validations</c> rule (<c>width_pixels&gt;</c>).</param>
/// <param name="Message">What is wrong.</param>
internal sealed record InputError(FieldPath Path, string Rule, string Message);
