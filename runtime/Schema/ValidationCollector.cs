using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RunComfy.Metadata;

/// <summary>
/// Gathers every broken rule of a request; generated <c>Validate()</c> methods call one method per
/// schema keyword. Their <c>message</c> parameters carry the schema's own <c>validation_error</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    // A collector given back by ToResultAndRelease, for this thread's next Validate(): a valid request allocates nothing.
    [ThreadStatic]
    private static ValidationCollector? t_spare;

    private readonly List<ValidationError> _errors = [];
    private readonly TimeSpan _regexBudget;
    private TimeSpan _regexTimeUsed;

    /// <summary>A collector whose pattern matches share <see cref="PatternCache.ValidationBudget"/>.</summary>
    public ValidationCollector()
        : this(PatternCache.ValidationBudget)
    {
    }

    /// <summary>A collector whose pattern matches share <paramref name="regexBudget"/> (tests use a short one).</summary>
    internal ValidationCollector(TimeSpan regexBudget) => _regexBudget = regexBudget;

    /// <summary>
    /// A collector with the default budget, reused from this thread's last <see cref="ToResultAndRelease"/>
    /// when there is one (generated <c>Validate()</c> methods use this, so a valid request allocates nothing).
    /// </summary>
    public static ValidationCollector Rent()
    {
        ValidationCollector? spare = t_spare;
        if (spare is null)
        {
            return new ValidationCollector();
        }

        t_spare = null;
        return spare;
    }

    /// <summary>The errors so far; <see cref="MediaInput.Validate"/> adds to it directly.</summary>
    public ICollection<ValidationError> Errors => _errors;

    /// <summary>Adds one error.</summary>
    public void Add(string path, string rule, string message) => _errors.Add(new ValidationError(path, rule, message));

    /// <summary><c>required</c>: the value must be set.</summary>
    public void Required(string path, object? value, string? message = null)
    {
        if (value is null)
        {
            Add(path, "required", message ?? "is required but not set.");
        }
    }

    /// <summary><c>minLength</c>/<c>maxLength</c>, counted in Unicode code points.</summary>
    public void Length(string path, string? value, int? minLength, int? maxLength, string? message = null)
    {
        if (value is null)
        {
            return;
        }

        int length = UnicodeText.CodePointCount(value);
        if (minLength is int min && length < min)
        {
            Add(path, "minLength", message ?? $"must be at least {min} characters long (Unicode code points); it has {length}.");
        }

        if (maxLength is int max && length > max)
        {
            Add(path, "maxLength", message ?? $"must be at most {max} characters long (Unicode code points); it has {length}.");
        }
    }

    /// <summary><c>minimum</c> for integers.</summary>
    public void Minimum(string path, long? value, long minimum, string? message = null)
    {
        if (value < minimum)
        {
            Add(path, "minimum", message ?? $"must be at least {minimum}; it is {value}.");
        }
    }

    /// <summary><c>minimum</c> for numbers.</summary>
    public void Minimum(string path, double? value, double minimum, string? message = null)
    {
        if (value < minimum)
        {
            Add(path, "minimum", message ?? $"must be at least {Format(minimum)}; it is {Format(value!.Value)}.");
        }
    }

    /// <summary><c>maximum</c> for integers.</summary>
    public void Maximum(string path, long? value, long maximum, string? message = null)
    {
        if (value > maximum)
        {
            Add(path, "maximum", message ?? $"must be at most {maximum}; it is {value}.");
        }
    }

    /// <summary><c>maximum</c> for numbers.</summary>
    public void Maximum(string path, double? value, double maximum, string? message = null)
    {
        if (value > maximum)
        {
            Add(path, "maximum", message ?? $"must be at most {Format(maximum)}; it is {Format(value!.Value)}.");
        }
    }

    /// <summary><c>exclusiveMinimum</c> for integers.</summary>
    public void ExclusiveMinimum(string path, long? value, long limit, string? message = null)
    {
        if (value <= limit)
        {
            Add(path, "exclusiveMinimum", message ?? $"must be greater than {limit}; it is {value}.");
        }
    }

    /// <summary><c>exclusiveMinimum</c> for numbers.</summary>
    public void ExclusiveMinimum(string path, double? value, double limit, string? message = null)
    {
        if (value <= limit)
        {
            Add(path, "exclusiveMinimum", message ?? $"must be greater than {Format(limit)}; it is {Format(value!.Value)}.");
        }
    }

    /// <summary><c>exclusiveMaximum</c> for integers.</summary>
    public void ExclusiveMaximum(string path, long? value, long limit, string? message = null)
    {
        if (value >= limit)
        {
            Add(path, "exclusiveMaximum", message ?? $"must be less than {limit}; it is {value}.");
        }
    }

    /// <summary><c>exclusiveMaximum</c> for numbers.</summary>
    public void ExclusiveMaximum(string path, double? value, double limit, string? message = null)
    {
        if (value >= limit)
        {
            Add(path, "exclusiveMaximum", message ?? $"must be less than {Format(limit)}; it is {Format(value!.Value)}.");
        }
    }

    /// <summary><c>type</c> for numbers: JSON has no NaN or infinity.</summary>
    public void Number(string path, double? value, string? message = null)
    {
        if (value is double number && !double.IsFinite(number))
        {
            Add(path, "type", message ?? $"must be a finite number; it is {Format(number)}.");
        }
    }

    /// <summary><c>minItems</c>/<c>maxItems</c>, and <c>type</c> for null items.</summary>
    public void Items<T>(string path, IReadOnlyList<T>? items, int? minItems, int? maxItems, string? message = null) =>
        Items(path, items, minItems, maxItems, eachItem: null, message);

    /// <summary>
    /// <c>minItems</c>/<c>maxItems</c>, then each item in index order: <c>type</c> for a null item, else
    /// <paramref name="eachItem"/> with the item's path (<c>tags[2]</c>), so errors come out as
    /// <c>images[1]</c> before <c>images[2]</c>. When <c>maxItems</c> fails, items past it are not checked.
    /// </summary>
    public void Items<T>(string path, IReadOnlyList<T>? items, int? minItems, int? maxItems, Action<ValidationCollector, string, T>? eachItem, string? message = null)
    {
        if (items is null)
        {
            return;
        }

        if (minItems is int min && items.Count < min)
        {
            Add(path, "minItems", message ?? $"must have at least {min} item{Plural(min)}; it has {items.Count}.");
        }

        // Too many items: only the first maxItems are checked, so a long hostile array costs no more
        // than an allowed one (each item may run a pattern).
        int checkedCount = items.Count;
        if (maxItems is int max && items.Count > max)
        {
            Add(path, "maxItems", message ?? $"must have at most {max} item{Plural(max)}; it has {items.Count}.");
            checkedCount = Math.Max(max, 0);
        }

        for (int i = 0; i < checkedCount; i++)
        {
            T item = items[i];
            if (item is null)
            {
                Add(ItemPath(path, i), "type", "must not be null.");
            }
            else
            {
                eachItem?.Invoke(this, ItemPath(path, i), item);
            }
        }
    }

    /// <summary>
    /// <c>type</c> for strings: the text must be well-formed UTF-16 (no lone surrogate), since the JSON
    /// body is UTF-8 and a lone surrogate would silently become U+FFFD on the wire.
    /// </summary>
    public void Text(string path, string? value)
    {
        if (value is not null && UnicodeText.IndexOfLoneSurrogate(value) is int index and >= 0)
        {
            Add(path, "type", $"must be well-formed Unicode text; it has a lone surrogate (\\u{(int)value[index]:X4}) at index {index}.");
        }
    }

    /// <summary>
    /// <c>pattern</c>: an ECMA 262 regular expression, unanchored as JSON Schema says (see
    /// <see cref="PatternCache"/> for how it runs). All matches of one collector share a time budget: a
    /// value that cannot be checked within it, or comes after it is used up, is an error, not an
    /// exception and not a hang.
    /// </summary>
    public void Pattern(string path, string? value, string pattern, string? message = null)
    {
        if (value is null)
        {
            return;
        }

        TimeSpan remaining = _regexBudget - _regexTimeUsed;
        if (remaining <= TimeSpan.Zero)
        {
            Add(path, "pattern", $"was not checked against the pattern {pattern}: this validation already spent its {Seconds(_regexBudget)} s budget for patterns.");
            return;
        }

        bool matches;
        long started = Stopwatch.GetTimestamp();
        try
        {
            matches = PatternCache.IsMatch(pattern, value, remaining < PatternCache.MatchTimeout ? remaining : PatternCache.MatchTimeout);
        }
        catch (RegexMatchTimeoutException ex)
        {
            Add(path, "pattern", $"could not be checked against the pattern {pattern} within {Seconds(ex.MatchTimeout)} s.");
            if (ex.MatchTimeout >= remaining)
            {
                // Given all that was left: the budget is spent, even if the regex engine's coarser clock stopped
                // the match a little before the stopwatch's (a sliver would only start a match doomed to time out).
                _regexTimeUsed = _regexBudget;
            }

            return;
        }
        finally
        {
            _regexTimeUsed += Stopwatch.GetElapsedTime(started);
        }

        if (!matches)
        {
            Add(path, "pattern", message ?? $"must match the pattern {pattern}.");
        }
    }

    /// <summary><c>enum</c> for a generated enum: the value must be one of its declared members.</summary>
    public void Enum<TEnum>(string path, TEnum? value, Func<TEnum, bool> isDefined, string? message = null)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        if (value is TEnum actual && !isDefined(actual))
        {
            Add(path, "enum", message ?? $"'{actual}' is not one of the allowed values.");
        }
    }

    /// <summary><c>enum</c> for strings (items of a string array; a string property gets a generated enum).</summary>
    public void OneOf(string path, string? value, IReadOnlyList<string> allowed, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is not null && !Contains(allowed, value))
        {
            Add(path, "enum", message ?? $"must be one of {string.Join(", ", allowed.Select(a => "\"" + a + "\""))}; it is \"{value}\".");
        }
    }

    /// <summary><c>enum</c> for integers (items of an integer array).</summary>
    public void OneOf(string path, long? value, IReadOnlyList<long> allowed, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is long number && !Contains(allowed, number))
        {
            Add(path, "enum", message ?? $"must be one of {string.Join(", ", allowed)}; it is {number}.");
        }
    }

    /// <summary><c>enum</c> for numbers.</summary>
    public void OneOf(string path, double? value, IReadOnlyList<double> allowed, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is double number && !Contains(allowed, number))
        {
            Add(path, "enum", message ?? $"must be one of {string.Join(", ", allowed.Select(Format))}; it is {Format(number)}.");
        }
    }

    /// <summary><c>const</c> for strings.</summary>
    public void Const(string path, string? value, string expected, string? message = null)
    {
        if (value is not null && !string.Equals(value, expected, StringComparison.Ordinal))
        {
            Add(path, "const", message ?? $"must be \"{expected}\".");
        }
    }

    /// <summary><c>const</c> for integers.</summary>
    public void Const(string path, long? value, long expected, string? message = null)
    {
        if (value is long actual && actual != expected)
        {
            Add(path, "const", message ?? $"must be {expected}; it is {actual}.");
        }
    }

    /// <summary><c>const</c> for numbers.</summary>
    public void Const(string path, double? value, double expected, string? message = null)
    {
        if (value is double actual && !actual.Equals(expected))
        {
            Add(path, "const", message ?? $"must be {Format(expected)}; it is {Format(actual)}.");
        }
    }

    /// <summary><c>const</c> for booleans.</summary>
    public void Const(string path, bool? value, bool expected, string? message = null)
    {
        if (value is bool actual && actual != expected)
        {
            Add(path, "const", message ?? $"must be {(expected ? "true" : "false")}.");
        }
    }

    /// <summary>The checks a media value allows without I/O (see <see cref="MediaInput.Validate"/>).</summary>
    public void Media(string path, MediaInput? media) => media?.Validate(path, _errors);

    /// <summary>The checks each media item allows without I/O; paths are <c>images[2]</c>.</summary>
    public void Media(string path, IReadOnlyList<MediaInput>? media)
    {
        if (media is null)
        {
            return;
        }

        for (int i = 0; i < media.Count; i++)
        {
            media[i]?.Validate(ItemPath(path, i), _errors);
        }
    }

    /// <summary>The path of one array item: <c>images[2]</c>.</summary>
    public static string ItemPath(string path, int index) => ItemPaths.Get(path, index);

    /// <summary>The result: <see cref="ValidationResult.Success"/> when nothing was found.</summary>
    public ValidationResult ToResult() => _errors.Count == 0 ? ValidationResult.Success : new ValidationResult([.. _errors]);

    /// <summary>
    /// As <see cref="ToResult"/>, then empties this collector and keeps it for this thread's next
    /// <see cref="Rent"/>; the collector must not be used after this call.
    /// </summary>
    public ValidationResult ToResultAndRelease()
    {
        ValidationResult result = ToResult();
        if (_regexBudget == PatternCache.ValidationBudget)
        {
            _errors.Clear();
            _regexTimeUsed = TimeSpan.Zero;
            t_spare = this;
        }

        return result;
    }

    // An indexed loop: no enumerator, so checking a valid value allocates nothing. Strings compare ordinally,
    // numbers by Equals (as List.Contains does).
    private static bool Contains<T>(IReadOnlyList<T> allowed, T value)
    {
        for (int i = 0; i < allowed.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(allowed[i], value))
            {
                return true;
            }
        }

        return false;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
