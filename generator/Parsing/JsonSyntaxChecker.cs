using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Checks that a schema file is strict JSON (RFC 8259) before Newtonsoft reads it, and says in plain
    /// words where and what was expected. Newtonsoft is lenient where a schema must not be: it accepts
    /// comments, trailing commas, single quotes and unquoted names, and its messages name its own types.
    /// One exception, on purpose: the literals <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> pass here
    /// so that the keyword holding one is reported and dropped alone (RCS0016), not the whole file.
    /// Iterative, with a depth limit, so no schema can exhaust the compiler's stack.
    /// </summary>
    internal static class JsonSyntaxChecker
    {
        /// <summary>Deepest nesting of objects and arrays a schema may have.</summary>
        public const int MaxDepth = 64;

        /// <summary>The first syntax error of <paramref name="text"/>, or null when it is strict JSON.</summary>
        public static JsonSyntaxError? Check(string text) => new Scanner(text).Run();

        private sealed class Frame
        {
            public Frame(bool isObject)
            {
                IsObject = isObject;
            }

            public bool IsObject { get; }

            public HashSet<string> Keys { get; } = new HashSet<string>(System.StringComparer.Ordinal);
        }

        private sealed class Scanner
        {
            private readonly string _text;
            private readonly Stack<Frame> _frames = new Stack<Frame>();
            private int _i;

            public Scanner(string text)
            {
                _text = text;
            }

            public JsonSyntaxError? Run()
            {
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                {
                    _i = 1;
                }

                JsonSyntaxError? error = SkipSpace();
                if (error is not null)
                {
                    return error;
                }

                if (_i >= _text.Length)
                {
                    return Fail("the file is empty; expected a JSON value such as { \"type\": \"object\", ... }");
                }

                // state: true = a value is expected next; false = a value just ended.
                bool expectValue = true;
                while (true)
                {
                    error = SkipSpace();
                    if (error is not null)
                    {
                        return error;
                    }

                    if (expectValue)
                    {
                        error = ReadValue(out bool opened);
                        if (error is not null)
                        {
                            return error;
                        }

                        if (opened)
                        {
                            // After '{' or '[': the first member, or an immediate close.
                            error = SkipSpace();
                            if (error is not null)
                            {
                                return error;
                            }

                            Frame frame = _frames.Peek();
                            char close = frame.IsObject ? '}' : ']';
                            if (_i < _text.Length && _text[_i] == close)
                            {
                                _i++;
                                _frames.Pop();
                                expectValue = false;
                            }
                            else if (frame.IsObject)
                            {
                                error = ReadMemberName(frame);
                                if (error is not null)
                                {
                                    return error;
                                }
                            }

                            continue;
                        }

                        expectValue = false;
                        continue;
                    }

                    if (_frames.Count == 0)
                    {
                        return _i < _text.Length ? Fail("unexpected " + Found() + " after the end of the JSON value; a schema file holds one object") : null;
                    }

                    Frame current = _frames.Peek();
                    char end = current.IsObject ? '}' : ']';
                    string container = current.IsObject ? "object" : "array";
                    if (_i >= _text.Length)
                    {
                        return Fail("the file ends inside an " + container + "; expected ',' or '" + end + "'");
                    }

                    char c = _text[_i];
                    if (c == end)
                    {
                        _i++;
                        _frames.Pop();
                        continue;
                    }

                    if (c != ',')
                    {
                        return Fail("expected ',' or '" + end + "' after " + (current.IsObject ? "a property value" : "an array item") + ", found " + Found());
                    }

                    int comma = _i;
                    _i++;
                    error = SkipSpace();
                    if (error is not null)
                    {
                        return error;
                    }

                    if (_i < _text.Length && _text[_i] == end)
                    {
                        return new JsonSyntaxError(comma, "a trailing comma before '" + end + "' is not JSON; remove the ','");
                    }

                    if (current.IsObject)
                    {
                        error = ReadMemberName(current);
                        if (error is not null)
                        {
                            return error;
                        }
                    }

                    expectValue = true;
                }
            }

            /// <summary>A property name, its ':' and the space after it; duplicates are errors.</summary>
            private JsonSyntaxError? ReadMemberName(Frame frame)
            {
                if (_i >= _text.Length)
                {
                    return Fail("the file ends inside an object; expected a property name in double quotes");
                }

                if (_text[_i] != '"')
                {
                    return Fail(_text[_i] == '\''
                        ? "property names use double quotes, not single quotes"
                        : "expected a property name in double quotes, found " + Found());
                }

                int start = _i;
                JsonSyntaxError? error = ReadString(out string name);
                if (error is not null)
                {
                    return error;
                }

                if (!frame.Keys.Add(name))
                {
                    return new JsonSyntaxError(start, "the property name \"" + Diagnostics.DiagnosticText.Quote(name) + "\" appears twice in one object");
                }

                error = SkipSpace();
                if (error is not null)
                {
                    return error;
                }

                if (_i >= _text.Length || _text[_i] != ':')
                {
                    return Fail("expected ':' after the property name, found " + Found());
                }

                _i++;
                return null;
            }

            private JsonSyntaxError? ReadValue(out bool opened)
            {
                opened = false;
                if (_i >= _text.Length)
                {
                    return Fail("the file ends where a value is expected");
                }

                char c = _text[_i];
                switch (c)
                {
                    case '{':
                    case '[':
                        if (_frames.Count >= MaxDepth)
                        {
                            return Fail("objects and arrays are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                        }

                        _frames.Push(new Frame(c == '{'));
                        _i++;
                        opened = true;
                        return null;
                    case '"':
                        return ReadString(out _);
                    case 't':
                        return ReadWord("true");
                    case 'f':
                        return ReadWord("false");
                    case 'n':
                        return ReadWord("null");
                    case 'N':
                        return ReadWord("NaN");
                    case 'I':
                        return ReadWord("Infinity");
                    case '\'':
                        return Fail("strings use double quotes, not single quotes");
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return ReadNumber();
                        }

                        return Fail("expected a value (an object, array, string, number, true, false or null), found " + Found());
                }
            }

            private JsonSyntaxError? ReadWord(string word)
            {
                if (string.CompareOrdinal(_text, _i, word, 0, word.Length) != 0)
                {
                    return Fail("expected a value (an object, array, string, number, true, false or null), found " + Found());
                }

                _i += word.Length;
                return null;
            }

            private JsonSyntaxError? ReadNumber()
            {
                if (_text[_i] == '-')
                {
                    _i++;
                    if (_i < _text.Length && _text[_i] == 'I')
                    {
                        return ReadWord("Infinity");
                    }
                }

                if (_i >= _text.Length || !IsDigit(_text[_i]))
                {
                    return Fail("expected a digit in the number, found " + Found());
                }

                if (_text[_i] == '0' && _i + 1 < _text.Length && IsDigit(_text[_i + 1]))
                {
                    return Fail("a number cannot start with 0 followed by more digits");
                }

                SkipDigits();
                if (_i < _text.Length && _text[_i] == '.')
                {
                    _i++;
                    if (_i >= _text.Length || !IsDigit(_text[_i]))
                    {
                        return Fail("expected a digit after the decimal point, found " + Found());
                    }

                    SkipDigits();
                }

                if (_i < _text.Length && (_text[_i] == 'e' || _text[_i] == 'E'))
                {
                    _i++;
                    if (_i < _text.Length && (_text[_i] == '+' || _text[_i] == '-'))
                    {
                        _i++;
                    }

                    if (_i >= _text.Length || !IsDigit(_text[_i]))
                    {
                        return Fail("expected a digit in the exponent, found " + Found());
                    }

                    SkipDigits();
                }

                return null;
            }

            private JsonSyntaxError? ReadString(out string value)
            {
                value = string.Empty;
                int open = _i;
                _i++;
                var builder = new StringBuilder();
                while (_i < _text.Length)
                {
                    char c = _text[_i];
                    if (c == '"')
                    {
                        _i++;
                        value = builder.ToString();
                        return null;
                    }

                    if (c < ' ')
                    {
                        return Fail("the character " + Describe(c) + " must be escaped inside a string" + (c == '\n' || c == '\r' ? " (is a closing '\"' missing?)" : string.Empty));
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        _i++;
                        continue;
                    }

                    if (_i + 1 >= _text.Length)
                    {
                        break;
                    }

                    char escape = _text[_i + 1];
                    switch (escape)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_i + 6 > _text.Length || !int.TryParse(_text.Substring(_i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            {
                                return Fail("'\\u' must be followed by four hexadecimal digits");
                            }

                            builder.Append((char)code);
                            _i += 4;
                            break;
                        default:
                            return Fail("'\\" + (escape < ' ' || escape > '~' ? Describe(escape) : escape.ToString()) + "' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
                    }

                    _i += 2;
                }

                return new JsonSyntaxError(open, "a string is not closed: the file ends before its closing '\"'");
            }

            private JsonSyntaxError? SkipSpace()
            {
                while (_i < _text.Length)
                {
                    char c = _text[_i];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        _i++;
                    }
                    else if (c == '/' && _i + 1 < _text.Length && (_text[_i + 1] == '/' || _text[_i + 1] == '*'))
                    {
                        return Fail("comments ('" + _text.Substring(_i, 2) + "') are not JSON; remove the comment");
                    }
                    else
                    {
                        break;
                    }
                }

                return null;
            }

            private void SkipDigits()
            {
                while (_i < _text.Length && IsDigit(_text[_i]))
                {
                    _i++;
                }
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private string Found() => _i >= _text.Length ? "the end of the file" : Describe(_text[_i]);

            private static string Describe(char c) =>
                c == ' ' ? "a space"
                : c > ' ' && c <= '~' ? "'" + c + "'"
                : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

            private JsonSyntaxError Fail(string message) => new JsonSyntaxError(_i, message);
        }
    }
}
