using System.ComponentModel;

namespace RunComfy.Metadata;

/// <summary>
/// Converts a JSON string's UTF-8 bytes (unescaped) to a generated string enum without making a string;
/// generated <c>...Values.TryParseUtf8</c> methods match it.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool Utf8EnumParser<TEnum>(ReadOnlySpan<byte> utf8, out TEnum value);
