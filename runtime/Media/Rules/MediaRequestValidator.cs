using System.Globalization;
using RunComfy.Media.Probing;
using RunComfy.Media.Remote;

namespace RunComfy.Media.Rules;

/// <summary>
/// Checks every media field of a request: parses its rules, probes each distinct media input once (however
/// many fields share it) with at most <see cref="MediaValidationOptions.MaxConcurrency"/> at a time, then
/// judges each field's rules on what was read.
/// </summary>
internal static class MediaRequestValidator
{
    public static async Task<ValidationResult> ValidateAsync(IRunComfyRequest request, MediaValidationOptions options, CancellationToken cancellationToken)
    {
        var basic = request.Validate();
        var errors = new List<ValidationError>(basic.Errors);
        var warnings = new List<ValidationError>(basic.Warnings);
        var alreadyInvalid = basic.Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

        var plans = Plan(request.GetMediaFields(), options, alreadyInvalid, warnings);
        var probes = new Dictionary<MediaInput, MediaProbeNeeds>();
        foreach (var plan in plans)
        {
            probes[plan.Field.Media] = probes.TryGetValue(plan.Field.Media, out var needs) ? needs.Union(plan.Needs) : plan.Needs;
        }

        using var gate = new SemaphoreSlim(options.MaxConcurrency);
        var running = probes.ToDictionary(p => p.Key, p => ProbeAsync(p.Key, p.Value, options, gate, cancellationToken));
        await Task.WhenAll(running.Values).ConfigureAwait(false);

        foreach (var plan in plans)
        {
            Judge(plan, await running[plan.Field.Media].ConfigureAwait(false), errors, warnings);
        }

        return errors.Count == 0 && warnings.Count == 0 ? ValidationResult.Success : new ValidationResult(errors, warnings);
    }

    private static List<FieldPlan> Plan(IReadOnlyList<MediaField> fields, MediaValidationOptions options, HashSet<string> alreadyInvalid, List<ValidationError> warnings)
    {
        var plans = new List<FieldPlan>(fields.Count);
        var unknownReported = new HashSet<(string Property, string Rule)>();
        foreach (var field in fields)
        {
            var rules = new List<ParsedMediaRule>(field.Rules.Count);
            foreach (var rule in field.Rules)
            {
                if (ParsedMediaRule.TryParse(rule, out var parsed))
                {
                    rules.Add(parsed!);
                }
                else if (unknownReported.Add((PropertyOf(field.Path), rule.Rule)))
                {
                    warnings.Add(new ValidationError(
                        PropertyOf(field.Path),
                        rule.Rule,
                        $"The rule '{rule.Rule}' ({rule.Value.ToString(CultureInfo.InvariantCulture)}) is not known to this runtime and was not checked."));
                }
            }

            // A value that already failed Validate() (an http:// URL, a broken data URI) is not read.
            if (alreadyInvalid.Contains(field.Path))
            {
                continue;
            }

            var needs = new MediaProbeNeeds(rules.Exists(r => !r.NeedsDimensions), rules.Exists(r => r.NeedsDimensions));
            var remote = field.Media.Kind == MediaInputKind.Url;
            if (remote && (!options.ProbeRemoteUrls || rules.Count == 0))
            {
                continue;
            }

            // Local content is always read: a missing file or an unknown type is worth knowing before sending.
            plans.Add(new FieldPlan(field, rules, needs));
        }

        return plans;
    }

    private static async Task<ProbeOutcome> ProbeAsync(MediaInput media, MediaProbeNeeds needs, MediaValidationOptions options, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new ProbeOutcome(await MediaProber.ProbeAsync(media, needs, options, cancellationToken).ConfigureAwait(false), null, false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(null, Describe(media, exception), media.Kind == MediaInputKind.Url && ProbeFailures.IsInconclusive(exception));
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Describe(MediaInput media, Exception exception) => exception switch
    {
        MediaFormatException { IsReadLimit: true } limit => $"{media.DisplayName} could not be checked: {Clause(limit.Message)}.",
        MediaFormatException format => $"{media.DisplayName} cannot be read: {Clause(format.Message)}.",
        MediaProbeRefusedException refused => $"{media.DisplayName} could not be checked: {Clause(refused.Message)}.",
        HttpRequestException http => $"{media.DisplayName} cannot be fetched: {Clause(http.Message)}.",
        TimeoutException timeout => $"{media.DisplayName} could not be checked: {Clause(timeout.Message)}.",
        FileNotFoundException or DirectoryNotFoundException => $"{media.DisplayName} does not exist.",
        IOException or UnauthorizedAccessException => $"{media.DisplayName} cannot be read: {Clause(exception.Message)}.",
        _ => $"{media.DisplayName} could not be checked: {exception.GetType().Name}: {Clause(exception.Message)}.",
    };

    /// <summary>Messages often start with a name such as "the data URI"; a sentence starts with a capital.</summary>
    private static string Sentence(string text) => text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A message without its closing period, to be embedded in a sentence.</summary>
    private static string Clause(string message) => message.TrimEnd().TrimEnd('.');

    private static void Judge(FieldPlan plan, ProbeOutcome outcome, List<ValidationError> errors, List<ValidationError> warnings)
    {
        var (field, rules, _) = plan;
        var name = field.Media.DisplayName;
        if (outcome.Failure is { } failure)
        {
            // A remote file that merely could not be checked (slow, unreachable, a limit) may still be fine for
            // RunComfy: warn and let the request go. What is known to be wrong, and all local content, is an error.
            (outcome.Inconclusive ? warnings : errors).Add(new ValidationError(
                field.Path,
                RequestMediaValidation.MediaReadRule,
                outcome.Inconclusive ? $"{Sentence(failure)} {NotChecked(rules)}" : Sentence(failure)));
            return;
        }

        var metadata = outcome.Result!.Metadata;
        if (field.Media.IsLocal && !CheckLocalContent(field, metadata, errors, warnings))
        {
            return;
        }

        foreach (var rule in rules.Where(r => !r.NeedsDimensions))
        {
            if (metadata.SizeBytes is not { } size)
            {
                warnings.Add(new ValidationError(field.Path, rule.Rule.Rule, $"The size of {name} is unknown (the server sent neither Content-Length nor Content-Range), so '{rule.Rule.Rule}' was not checked."));
            }
            else if (!rule.PassesSize(size))
            {
                errors.Add(Broken(rule, field.Path, $"{name} is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes"));
            }
        }

        var pixelRules = rules.Where(r => r.NeedsDimensions).ToList();
        if (pixelRules.Count == 0)
        {
            return;
        }

        if (metadata is not { Width: { } width, Height: { } height })
        {
            if (!field.Media.IsLocal && outcome.Result.DimensionsError is { IsReadLimit: true } limit)
            {
                warnings.Add(new ValidationError(
                    field.Path,
                    RequestMediaValidation.MediaReadRule,
                    $"{Sentence(name)} could not be checked: {Clause(limit.Message)}. {NotChecked(pixelRules)}"));
                return;
            }

            var reason = outcome.Result.DimensionsError is { } error
                ? $"{name} is not a readable image: {Clause(error.Message)}"
                : metadata.IsImage
                    ? $"{name} is {metadata.MimeType}; the pixel size is read from PNG, JPEG, WebP and GIF only"
                    : $"{name} is {Describe(metadata.MimeType)}, not an image";
            errors.Add(new ValidationError(
                field.Path,
                RequestMediaValidation.MediaReadRule,
                Sentence($"{reason}, so {string.Join(", ", pixelRules.Select(r => r.Rule.Rule))} cannot be met.")));
            return;
        }

        foreach (var rule in pixelRules.Where(r => !r.PassesImage(width, height)))
        {
            var detail = rule.Subject == MediaRuleSubject.AspectRatio
                ? $"{name} is {width}x{height} px, width/height {((double)width / height).ToString("0.####", CultureInfo.InvariantCulture)}"
                : $"{name} is {width}x{height} px";
            errors.Add(Broken(rule, field.Path, detail));
        }
    }

    private static string NotChecked(List<ParsedMediaRule> rules) =>
        rules.Count == 0 ? "" : $"Not checked: {string.Join(", ", rules.Select(r => r.Rule.Rule))}.";

    private static bool CheckLocalContent(MediaField field, MediaMetadata metadata, List<ValidationError> errors, List<ValidationError> warnings)
    {
        var name = field.Media.DisplayName;
        if (metadata.SizeBytes == 0)
        {
            errors.Add(new ValidationError(field.Path, RequestMediaValidation.MediaReadRule, Sentence($"{name} is empty.")));
            return false;
        }

        if (metadata.MimeType == Sniffing.MediaTypes.OctetStream)
        {
            warnings.Add(new ValidationError(
                field.Path,
                RequestMediaValidation.MediaReadRule,
                Sentence($"{name} is not a recognised image, video or audio format; it is sent as application/octet-stream.")));
        }
        else if (field.Media.Kind == MediaInputKind.DataUri && field.Media.ParsedDataUri.MimeType != metadata.MimeType)
        {
            warnings.Add(new ValidationError(
                field.Path,
                RequestMediaValidation.MediaReadRule,
                $"The data URI declares {field.Media.ParsedDataUri.MimeType} but its content is {metadata.MimeType}."));
        }

        return true;
    }

    private static string Describe(string? mimeType) => mimeType switch
    {
        null => "of unknown type",
        Sniffing.MediaTypes.OctetStream => "of an unrecognised type",
        _ => mimeType,
    };

    private static ValidationError Broken(ParsedMediaRule rule, string path, string detail)
    {
        var message = rule.Rule.Message ?? DefaultMessage(rule);
        return new ValidationError(path, rule.Rule.Rule, $"{message} ({detail}; the rule is {rule.Rule.Rule} {rule.ValueText}.)");
    }

    private static string DefaultMessage(ParsedMediaRule rule)
    {
        var subject = rule.Subject switch
        {
            MediaRuleSubject.FileSizeMb => "The file size in MB",
            MediaRuleSubject.WidthPixels => "The width in pixels",
            MediaRuleSubject.HeightPixels => "The height in pixels",
            _ => "The aspect ratio (width/height)",
        };
        var comparison = rule.Comparison switch
        {
            MediaRuleComparison.Less => "less than",
            MediaRuleComparison.Greater => "greater than",
            MediaRuleComparison.LessOrEqual => "at most",
            _ => "at least",
        };
        return $"{subject} must be {comparison} {rule.ValueText}.";
    }

    /// <summary><c>images[3]</c> to <c>images</c>: unknown rules are reported once per property, not per item.</summary>
    private static string PropertyOf(string path) =>
        path.EndsWith(']') && path.LastIndexOf('[') is > 0 and var bracket ? path[..bracket] : path;

    private sealed record FieldPlan(MediaField Field, List<ParsedMediaRule> Rules, MediaProbeNeeds Needs);

    /// <param name="Result">What the probe read, when it reached the content.</param>
    /// <param name="Failure">Why it did not, as a sentence naming the media.</param>
    /// <param name="Inconclusive">The failure says nothing about the file (remote URLs only): a warning, not an error.</param>
    private sealed record ProbeOutcome(MediaProbeResult? Result, string? Failure, bool Inconclusive);
}
