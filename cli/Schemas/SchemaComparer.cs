using System.Globalization;
using System.Text.Json.Nodes;

namespace RunComfy.Cli.Schemas;

/// <summary>
/// Compares the input schema code was built on with the one RunComfy serves now, property by property.
/// Breaking: a property removed, a new required property or one that became required, an enum value removed,
/// a type or format changed, a const added or changed, a limit, pattern or media rule tightened. Compatible: a new
/// optional property, an enum value added, a const removed, a limit or rule loosened, a default or a text changed.
/// Array <c>items</c> rules (enum, lengths, pattern, number limits) follow the same rules as the property's own.
/// Pure: text in, changes out.
/// </summary>
internal static class SchemaComparer
{
    /// <exception cref="System.Text.Json.JsonException">Either text is not a JSON object.</exception>
    public static IReadOnlyList<SchemaChange> Compare(string oldSchemaJson, string newSchemaJson)
    {
        var oldSchema = SchemaParameters.ParseObject(oldSchemaJson);
        var newSchema = SchemaParameters.ParseObject(newSchemaJson);
        var changes = new List<SchemaChange>();
        var before = SchemaParameters.Read(oldSchema).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var after = SchemaParameters.Read(newSchema);
        var oldRules = SchemaParameters.ReadExtraRules(oldSchema);
        var newRules = SchemaParameters.ReadExtraRules(newSchema);

        foreach (var parameter in after)
        {
            if (!before.Remove(parameter.Name, out var old))
            {
                changes.Add(parameter.Required
                    ? new(parameter.Name, SchemaChangeKind.PropertyAdded, true, $"new required property '{parameter.Name}'")
                    : new(parameter.Name, SchemaChangeKind.PropertyAdded, false, $"new optional property '{parameter.Name}'"));
                continue;
            }

            CompareProperty(old, parameter, changes);
            CompareExtraRules(parameter.Name, oldRules[parameter.Name], newRules[parameter.Name], changes);
        }

        foreach (var removed in before.Values)
        {
            changes.Add(new(removed.Name, SchemaChangeKind.PropertyRemoved, true, $"property '{removed.Name}' was removed"));
        }

        // Anything else (a schema title, an unknown keyword): different text, same rules as far as this can tell.
        if (changes.Count == 0 && !JsonNode.DeepEquals(oldSchema, newSchema))
        {
            changes.Add(new("", SchemaChangeKind.TextChanged, false, "other schema text changed"));
        }

        return changes;
    }

    private static void CompareProperty(ModelParameter old, ModelParameter now, List<SchemaChange> changes)
    {
        var name = now.Name;
        if (!old.Required && now.Required)
        {
            changes.Add(new(name, SchemaChangeKind.BecameRequired, true, $"property '{name}' is now required"));
        }
        else if (old.Required && !now.Required)
        {
            changes.Add(new(name, SchemaChangeKind.BecameOptional, false, $"property '{name}' is now optional"));
        }

        var oldType = TypeText(old);
        var newType = TypeText(now);
        if (oldType != newType)
        {
            changes.Add(new(name, SchemaChangeKind.TypeChanged, true, $"type of '{name}' changed from {oldType} to {newType}"));
        }

        CompareEnums(name, items: false, old.EnumJson, now.EnumJson, changes);

        Lower(name, "minimum", old.Minimum, now.Minimum, changes);
        Lower(name, "exclusive minimum", old.ExclusiveMinimum, now.ExclusiveMinimum, changes);
        Upper(name, "maximum", old.Maximum, now.Maximum, changes);
        Upper(name, "exclusive maximum", old.ExclusiveMaximum, now.ExclusiveMaximum, changes);
        Lower(name, "minLength", old.MinLength, now.MinLength, changes);
        Upper(name, "maxLength", old.MaxLength, now.MaxLength, changes);
        Lower(name, "minItems", old.MinItems, now.MinItems, changes);
        Upper(name, "maxItems", old.MaxItems, now.MaxItems, changes);
        ComparePattern(name, items: false, old.Pattern, now.Pattern, changes);
        CompareMediaRules(name, old.MediaRules, now.MediaRules, changes);

        if (old.DefaultJson != now.DefaultJson)
        {
            changes.Add(new(name, SchemaChangeKind.DefaultChanged, false, $"default of '{name}' changed from {old.DefaultJson ?? "none"} to {now.DefaultJson ?? "none"}"));
        }

        if (old.Title != now.Title || old.Description != now.Description)
        {
            changes.Add(new(name, SchemaChangeKind.TextChanged, false, $"title or description of '{name}' changed"));
        }
    }

    /// <summary>The <c>const</c> and the rules inside <c>items</c>, which generated code enforces as strictly as the rest.</summary>
    private static void CompareExtraRules(string name, ExtraRules old, ExtraRules now, List<SchemaChange> changes)
    {
        if (old.ConstJson != now.ConstJson)
        {
            var tightened = now.ConstJson is not null;
            changes.Add(new(name, tightened ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, tightened,
                old.ConstJson is null ? $"'{name}' now has to be {now.ConstJson}"
                : now.ConstJson is null ? $"'{name}' no longer has to be {old.ConstJson}"
                : $"const of '{name}' changed from {old.ConstJson} to {now.ConstJson}"));
        }

        var (o, n) = (old.Items, now.Items);
        CompareEnums(name, items: true, o.EnumJson, n.EnumJson, changes);
        Lower(name, "item minimum", o.Minimum, n.Minimum, changes);
        Lower(name, "item exclusive minimum", o.ExclusiveMinimum, n.ExclusiveMinimum, changes);
        Upper(name, "item maximum", o.Maximum, n.Maximum, changes);
        Upper(name, "item exclusive maximum", o.ExclusiveMaximum, n.ExclusiveMaximum, changes);
        Lower(name, "item minLength", o.MinLength, n.MinLength, changes);
        Upper(name, "item maxLength", o.MaxLength, n.MaxLength, changes);
        ComparePattern(name, items: true, o.Pattern, n.Pattern, changes);
    }

    private static string TypeText(ModelParameter p) =>
        p.Type + (p.Format is null ? "" : $" ({p.Format})")
        + (p.ItemType is null && p.ItemFormat is null ? "" : $" of {p.ItemType ?? "any"}{(p.ItemFormat is null ? "" : $" ({p.ItemFormat})")}");

    private static void CompareEnums(string name, bool items, IReadOnlyList<string>? old, IReadOnlyList<string>? now, List<SchemaChange> changes)
    {
        var subject = items ? $"items of '{name}' are" : $"'{name}' is";
        var value = items ? "item value" : "value";
        if (old is null && now is null)
        {
            return;
        }

        if (old is null)
        {
            changes.Add(new(name, SchemaChangeKind.LimitTightened, true, $"{subject} now limited to: {string.Join(", ", now!)}"));
            return;
        }

        if (now is null)
        {
            changes.Add(new(name, SchemaChangeKind.LimitLoosened, false, $"{subject} no longer limited to a list of values"));
            return;
        }

        foreach (var removed in old.Except(now, StringComparer.Ordinal))
        {
            changes.Add(new(name, SchemaChangeKind.EnumValueRemoved, true, $"{value} {removed} of '{name}' was removed"));
        }

        foreach (var added in now.Except(old, StringComparer.Ordinal))
        {
            changes.Add(new(name, SchemaChangeKind.EnumValueAdded, false, $"{value} {added} of '{name}' was added"));
        }
    }

    /// <summary>A lower bound: a new or higher one tightens, a lower or dropped one loosens.</summary>
    private static void Lower(string name, string limit, double? old, double? now, List<SchemaChange> changes) =>
        Bound(name, limit, old, now, tightenedWhen: (o, n) => n > o, changes);

    /// <summary>An upper bound: a new or lower one tightens, a higher or dropped one loosens.</summary>
    private static void Upper(string name, string limit, double? old, double? now, List<SchemaChange> changes) =>
        Bound(name, limit, old, now, tightenedWhen: (o, n) => n < o, changes);

    private static void Bound(string name, string limit, double? old, double? now, Func<double, double, bool> tightenedWhen, List<SchemaChange> changes)
    {
        if (old == now)
        {
            return;
        }

        var tightened = (old, now) switch
        {
            (null, _) => true,
            (_, null) => false,
            ({ } o, { } n) => tightenedWhen(o, n),
        };
        changes.Add(new(name, tightened ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, tightened,
            $"{limit} of '{name}' {(tightened ? "tightened" : "loosened")}: {Number(old)} -> {Number(now)}"));
    }

    private static void ComparePattern(string name, bool items, string? old, string? now, List<SchemaChange> changes)
    {
        if (old == now)
        {
            return;
        }

        var subject = items ? $"items of '{name}'" : $"'{name}'";
        var verb = items ? "have" : "has";

        // A changed pattern cannot be proven looser, so it counts as tightened.
        var tightened = now is not null;
        changes.Add(new(name, tightened ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, tightened,
            old is null ? $"{subject} now {verb} to match {now}"
            : now is null ? $"{subject} no longer {verb} to match {old}"
            : $"{(items ? "item pattern" : "pattern")} of '{name}' changed from {old} to {now}"));
    }

    /// <summary>
    /// Media rules by rule name, each at its strictest value: rules ending in <c>&lt;</c> are upper bounds (a lower value
    /// tightens), rules ending in <c>&gt;</c> lower bounds. A new rule tightens, a dropped one loosens, a new message is text.
    /// </summary>
    private static void CompareMediaRules(string name, IReadOnlyList<MediaRule> old, IReadOnlyList<MediaRule> now, List<SchemaChange> changes)
    {
        var before = Strictest(old);
        var after = Strictest(now);
        foreach (var (rule, value) in after)
        {
            var isUpper = rule.EndsWith('<');
            if (!before.TryGetValue(rule, out var previous))
            {
                changes.Add(new(name, SchemaChangeKind.MediaRuleTightened, true, $"new media rule on '{name}': {rule} {Number(value)}"));
            }
            else if (previous != value)
            {
                var tightened = isUpper ? value < previous : value > previous;
                changes.Add(new(name, tightened ? SchemaChangeKind.MediaRuleTightened : SchemaChangeKind.MediaRuleLoosened, tightened,
                    $"media rule {rule} on '{name}' {(tightened ? "tightened" : "loosened")}: {Number(previous)} -> {Number(value)}"));
            }
        }

        foreach (var rule in before.Keys.Except(after.Keys, StringComparer.Ordinal))
        {
            changes.Add(new(name, SchemaChangeKind.MediaRuleLoosened, false, $"media rule {rule} on '{name}' was removed"));
        }

        var oldMessages = old.Select(r => r.Message).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (now.Select(r => r.Message).OfType<string>().Any(m => !oldMessages.Contains(m)))
        {
            changes.Add(new(name, SchemaChangeKind.TextChanged, false, $"a media rule message of '{name}' changed"));
        }
    }

    private static Dictionary<string, double> Strictest(IReadOnlyList<MediaRule> rules) =>
        rules.GroupBy(r => r.Rule.Replace(" ", "", StringComparison.Ordinal), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Key.EndsWith('<') ? g.Min(r => r.Value) : g.Max(r => r.Value), StringComparer.Ordinal);

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
