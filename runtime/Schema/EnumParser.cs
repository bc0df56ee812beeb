using System.ComponentModel;

namespace RunComfy.Metadata;

/// <summary>Converts a JSON value to a generated enum; generated <c>...Values.TryParse</c> methods match it.</summary>
/// <typeparam name="TInput">The JSON value: <see cref="long"/> for integer enums (string enums are read with <see cref="Utf8EnumParser{TEnum}"/>).</typeparam>
/// <typeparam name="TEnum">The generated enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool EnumParser<in TInput, TEnum>(TInput json, out TEnum value);
