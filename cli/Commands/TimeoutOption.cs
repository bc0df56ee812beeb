using System.CommandLine;
using System.Globalization;

namespace RunComfy.Cli.Commands;

/// <summary><c>--timeout</c>: how long to wait before leaving a request running (<c>90s</c>, <c>10m</c>, <c>2h</c>, <c>0</c> = no limit).</summary>
internal static class TimeoutOption
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(30);

    public static Option<TimeSpan?> Create() => new("--timeout")
    {
        Description = "Stop waiting after this long and leave the request running (e.g. 90s, 10m, 2h; 0 = no limit). Default: 30m.",
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (TryParse(text, out var value))
            {
                // "No limit" travels as zero: a parser's null would be read as a missing value.
                return value ?? TimeSpan.Zero;
            }

            result.AddError($"'{text}' is not a duration; use e.g. 90s, 10m or 2h (0 = no limit).");
            return null;
        },
    };

    /// <summary>
    /// The timeout given, else <see cref="Default"/>. The default is applied here rather than by a
    /// DefaultValueFactory, which would make the help print it a second time, as <c>[default: 00:30:00]</c>.
    /// </summary>
    public static TimeSpan? Read(ParseResult parse, Option<TimeSpan?> option) =>
        parse.GetResult(option) is null ? Default
        : parse.GetValue(option) is { } given && given > TimeSpan.Zero ? given
        : null;

    public static bool TryParse(string text, out TimeSpan? value)
    {
        value = null;
        text = text.Trim().ToLowerInvariant();
        if (text is "0" or "none" or "infinite")
        {
            return true;
        }

        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0)
        {
            return false;
        }

        value = unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        return value is not null;
    }
}
