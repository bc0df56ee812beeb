using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Checks <c>pattern</c> for one submission under one time budget shared by all its matches, so a
/// hostile pattern or value costs at most the budget and then becomes an input error, never a hang.
/// </summary>
internal sealed class PatternChecker(TimeSpan budget)
{
    private TimeSpan _used;

    public void Check(string pattern, string value, FieldPath path, List<InputError> errors)
    {
        var remaining = budget - _used;
        if (remaining <= TimeSpan.Zero)
        {
            errors.Add(new InputError(path, "pattern", $"The value was not checked against the pattern: this submission spent its {Seconds(budget)} s for patterns."));
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!EcmaRegex.IsMatch(pattern, value, remaining))
                errors.Add(new InputError(path, "pattern", "The value does not match the input's pattern."));
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(new InputError(path, "pattern", $"The value could not be checked against the pattern within {Seconds(budget)} s."));
            // The match was given all that was left. The regex engine's coarse clock can stop it a little before the
            // stopwatch says so; the sliver left over must not start (and time out) another match.
            _used = budget;
            return;
        }

        _used += Stopwatch.GetElapsedTime(started);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
