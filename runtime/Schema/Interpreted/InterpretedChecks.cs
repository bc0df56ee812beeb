using System.Globalization;
using RunComfy.Metadata;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// The <see cref="ValidationCollector"/> calls for one property of a model loaded at run time: the same
/// calls, arguments and order the generator's <c>ValidationCalls</c> emits, so both give the same errors.
/// </summary>
internal static class InterpretedChecks
{
    public static void Check(ValidationCollector c, InterpretedProperty p, object? value)
    {
        string path = p.JsonName;
        string? message = p.ValidationError;
        if (p.Required && !p.IsValueType)
        {
            c.Required(path, value, message);
        }

        if (p.IsArray)
        {
            CheckArray(c, p, value, message);
            return;
        }

        switch (p.Kind)
        {
            case InterpretedKind.String:
            case InterpretedKind.Media:
                string? text = p.Kind == InterpretedKind.Media ? ((MediaInput?)value)?.Url : (string?)value;
                if (p.Kind == InterpretedKind.String)
                {
                    c.Text(path, text);
                }

                if (p.MinLength is not null || p.MaxLength is not null)
                {
                    c.Length(path, text, p.MinLength, p.MaxLength, message);
                }

                if (p.Pattern is not null)
                {
                    c.Pattern(path, text, p.Pattern, message);
                }

                if (p.ConstJson is not null)
                {
                    c.Const(path, text, p.ConstJson, message);
                }

                if (p.Kind == InterpretedKind.Media)
                {
                    c.Media(path, (MediaInput?)value);
                }

                break;

            case InterpretedKind.Int32:
            case InterpretedKind.Int64:
            case InterpretedKind.Double:
                CheckNumber(c, path, value, p.Kind == InterpretedKind.Double, p.Minimum, p.Maximum, p.ExclusiveMinimum, p.ExclusiveMaximum, message);
                if (p.Kind == InterpretedKind.Double && p.EnumJson.Count > 0)
                {
                    c.OneOf(path, (double?)value, p.EnumJson.Select(Double).ToArray(), message);
                }

                if (p.ConstJson is not null)
                {
                    if (p.Kind == InterpretedKind.Double)
                    {
                        c.Const(path, (double?)value, Double(p.ConstJson), message);
                    }
                    else
                    {
                        c.Const(path, (long?)value, Long(p.ConstJson), message);
                    }
                }

                break;

            case InterpretedKind.Boolean:
                if (p.ConstJson is not null)
                {
                    c.Const(path, (bool?)value, p.ConstJson == "true", message);
                }

                break;
        }
    }

    private static void CheckArray(ValidationCollector c, InterpretedProperty p, object? value, string? message)
    {
        InterpretedItemRules? rules = p.ItemRules;
        switch (p.Kind)
        {
            case InterpretedKind.String:
                c.Items(path: p.JsonName, (IReadOnlyList<string>?)value, p.MinItems, p.MaxItems, (ic, ip, x) =>
                {
                    ic.Text(ip, x);
                    CheckText(ic, ip, x, rules, message);
                    if (rules is { EnumValues.Count: > 0 })
                    {
                        ic.OneOf(ip, x, rules.EnumValues, message);
                    }
                }, message);
                break;

            case InterpretedKind.Media:
                c.Items(p.JsonName, (IReadOnlyList<MediaInput>?)value, p.MinItems, p.MaxItems, (ic, ip, x) =>
                {
                    CheckText(ic, ip, x.Url, rules, message);
                    ic.Media(ip, x);
                }, message);
                break;

            case InterpretedKind.Double:
                double[]? allowedNumbers = rules is { EnumValues.Count: > 0 } ? rules.EnumValues.Select(Double).ToArray() : null;
                c.Items(p.JsonName, (IReadOnlyList<double>?)value, p.MinItems, p.MaxItems, (ic, ip, x) =>
                {
                    ic.Number(ip, x, message);
                    if (rules is not null)
                    {
                        CheckNumber(ic, ip, x, true, rules.Minimum, rules.Maximum, rules.ExclusiveMinimum, rules.ExclusiveMaximum, message);
                        if (allowedNumbers is not null)
                        {
                            ic.OneOf(ip, x, allowedNumbers, message);
                        }
                    }
                }, message);
                break;

            case InterpretedKind.Int64 when rules is not null:
                long[]? allowedIntegers = rules.EnumValues.Count > 0 ? rules.EnumValues.Select(Long).ToArray() : null;
                c.Items(p.JsonName, (IReadOnlyList<long>?)value, p.MinItems, p.MaxItems, (ic, ip, x) =>
                {
                    CheckNumber(ic, ip, x, false, rules.Minimum, rules.Maximum, rules.ExclusiveMinimum, rules.ExclusiveMaximum, message);
                    if (allowedIntegers is not null)
                    {
                        ic.OneOf(ip, x, allowedIntegers, message);
                    }
                }, message);
                break;

            default:
                if (p.MinItems is not null || p.MaxItems is not null)
                {
                    c.Items(p.JsonName, value as System.Collections.IList is { } list ? list.Cast<object>().ToArray() : null, p.MinItems, p.MaxItems, message);
                }

                break;
        }
    }

    private static void CheckText(ValidationCollector c, string path, string? text, InterpretedItemRules? rules, string? message)
    {
        if (rules is null)
        {
            return;
        }

        if (rules.MinLength is not null || rules.MaxLength is not null)
        {
            c.Length(path, text, rules.MinLength, rules.MaxLength, message);
        }

        if (rules.Pattern is not null)
        {
            c.Pattern(path, text, rules.Pattern, message);
        }
    }

    /// <summary>
    /// The limits in keyword order; an integer value is checked against an integral limit as <c>long</c> and
    /// against a fractional one as <c>double</c>, as the generated calls are.
    /// </summary>
    private static void CheckNumber(ValidationCollector c, string path, object? value, bool isDouble, string? minimum, string? maximum, string? exclusiveMinimum, string? exclusiveMaximum, string? message)
    {
        if (isDouble)
        {
            c.Number(path, (double?)value, message);
        }

        foreach (var (keyword, limit) in new[] { ("minimum", minimum), ("maximum", maximum), ("exclusiveMinimum", exclusiveMinimum), ("exclusiveMaximum", exclusiveMaximum) })
        {
            if (limit is null)
            {
                continue;
            }

            if (isDouble || !IsIntegral(limit))
            {
                double? number = value is long integer ? integer : (double?)value;
                double bound = Double(limit);
                switch (keyword)
                {
                    case "minimum": c.Minimum(path, number, bound, message); break;
                    case "maximum": c.Maximum(path, number, bound, message); break;
                    case "exclusiveMinimum": c.ExclusiveMinimum(path, number, bound, message); break;
                    default: c.ExclusiveMaximum(path, number, bound, message); break;
                }
            }
            else
            {
                long? number = (long?)value;
                long bound = Long(limit);
                switch (keyword)
                {
                    case "minimum": c.Minimum(path, number, bound, message); break;
                    case "maximum": c.Maximum(path, number, bound, message); break;
                    case "exclusiveMinimum": c.ExclusiveMinimum(path, number, bound, message); break;
                    default: c.ExclusiveMaximum(path, number, bound, message); break;
                }
            }
        }
    }

    private static bool IsIntegral(string number) => number.AsSpan().IndexOfAny('.', 'E', 'e') < 0;

    private static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
