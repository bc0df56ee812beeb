using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace RunComfy.Cli.Rendering;

/// <summary>Renders models and their parameters as tables (for people) or JSON (for scripts).</summary>
internal static class ModelRenderer
{
    public static void WriteTables(IAnsiConsole console, IReadOnlyList<ModelInfo> models, bool details)
    {
        if (models.Count == 0)
        {
            console.WriteLine("No models are compiled into this build.");
            return;
        }

        foreach (var model in models)
        {
            Heading.Write(console, model.ModelId);
            WriteParameters(console, model.ModelId, model.Parameters, details);
            console.WriteLine();
        }
    }

    /// <summary>A model that is not compiled in: its catalog facts, then its parameters as its input schema gives them.</summary>
    public static void WriteRemote(IAnsiConsole console, CatalogModel model, IReadOnlyList<ModelParameter> parameters)
    {
        var id = Printable.Short(model.ModelId);
        Heading.Write(console, id, " (from RunComfy's catalog; not compiled in)");
        console.WriteLine($"Name:       {Printable.Short(model.DisplayName)}");
        console.WriteLine($"Kind:       {Printable.Short(model.Kind ?? "-")}");
        console.WriteLine($"Categories: {Printable.Short(model.Categories.Count == 0 ? "-" : string.Join(", ", model.Categories))}");
        console.WriteLine($"Price:      {PriceText(model)}");
        console.WriteLine($"Required:   {Printable.Short(model.RequiredInputs.Count == 0 ? "-" : string.Join(", ", model.RequiredInputs))}");
        if (model.ModelUrl is { } url)
        {
            console.WriteLine($"Page:       {Printable.Short(url.ToString())}");
        }

        WriteParameters(console, id, parameters, details: true);
        console.WriteLine($"Use it in code: comfy-schema schemas pull {id}");
        console.WriteLine();
    }

    /// <summary>RunComfy's catalog as one table.</summary>
    public static void WriteCatalog(IAnsiConsole console, IReadOnlyList<CatalogModel> models)
    {
        if (models.Count == 0)
        {
            console.WriteLine("No model in RunComfy's catalog matches.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Model").NoWrap()).AddColumn("Name").AddColumn("Kind").AddColumn("Categories").AddColumn("Price");
        foreach (var model in models)
        {
            table.AddRow(
                Markup.Escape(Printable.Short(model.ModelId)),
                Markup.Escape(Printable.Short(model.DisplayName)),
                Markup.Escape(Printable.Short(model.Kind ?? "")),
                Markup.Escape(Printable.Short(string.Join(", ", model.Categories))),
                Markup.Escape(PriceText(model)));
        }

        console.Write(table);
        console.WriteLine($"{models.Count} model{(models.Count == 1 ? "" : "s")}. Details: comfy-schema models show <model_id>");
    }

    public static void WriteCatalogJson(Utf8JsonWriter writer, IReadOnlyList<CatalogModel> models)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("models");
        foreach (var model in models)
        {
            WriteFacts(writer, model);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A remote model as JSON: its facts, its parameters (as for compiled models) and its input schema.</summary>
    public static void WriteRemoteJson(Utf8JsonWriter writer, CatalogModel model, IReadOnlyList<ModelParameter> parameters)
    {
        WriteFacts(writer, model);
        writer.WriteBoolean("compiled", false);
        WriteParameterArray(writer, parameters);
        if (model.InputSchemaJson is not null)
        {
            writer.WritePropertyName("input_schema");
            CleanJson.Write(writer, model.InputSchemaJson);
        }

        writer.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter writer, CatalogModel model)
    {
        writer.WriteStartObject();
        writer.WriteString("model_id", Printable.Short(model.ModelId));
        writer.WriteString("display_name", Printable.Short(model.DisplayName));
        WriteIfSet(writer, "kind", model.Kind is null ? null : Printable.Short(model.Kind));
        writer.WriteStartArray("categories");
        foreach (var category in model.Categories)
        {
            writer.WriteStringValue(Printable.Short(category));
        }

        writer.WriteEndArray();
        if (model.BasePriceUsd is { } price)
        {
            writer.WriteNumber("base_price_usd", price);
        }

        WriteIfSet(writer, "price_unit", model.PriceUnit is null ? null : Printable.Short(model.PriceUnit));
        writer.WriteStartArray("required_inputs");
        foreach (var input in model.RequiredInputs)
        {
            writer.WriteStringValue(Printable.Short(input));
        }

        writer.WriteEndArray();
        WriteIfSet(writer, "model_url", model.ModelUrl?.ToString());
    }

    private static string PriceText(CatalogModel model) =>
        model.BasePriceUsd is { } price
            ? $"${price.ToString(CultureInfo.InvariantCulture)}{(model.PriceUnit is null ? "" : " " + Printable.Short(model.PriceUnit).Replace('_', ' '))}"
            : "-";

    /// <summary>The narrowest a folding column may get in a parameter table before the list form is used instead.</summary>
    private const int MinFoldingColumnWidth = 10;

    /// <summary>
    /// The parameter table; every cell sanitised, since a remote schema's texts come from a server. A parameter
    /// name is what the user types after <c>--input</c>, so it never wraps: its column is <c>NoWrap</c> and the
    /// other columns fold. A terminal too narrow for that (Spectre would squeeze the other columns to nothing or
    /// draw only "…") gets the same facts as a list, one parameter per block, its name on a line of its own.
    /// </summary>
    private static void WriteParameters(IAnsiConsole console, string modelId, IReadOnlyList<ModelParameter> parameters, bool details)
    {
        var columns = details ? 6 : 5;
        var longestName = parameters.Select(p => Printable.Short(p.Name).Length).DefaultIfEmpty(0).Max();
        // Borders (columns + 1), a space each side of every cell, the names, and room for every other column to fold.
        var needed = (columns + 1) + (2 * columns) + Math.Max(longestName, "Parameter".Length) + ((columns - 1) * MinFoldingColumnWidth);
        if (console.Profile.Width < needed)
        {
            WriteParameterList(console, parameters, details);
        }
        else
        {
            WriteParameterTable(console, parameters, details);
        }

        WriteRulesAndExample(console, modelId, parameters, details);
    }

    private static void WriteParameterList(IAnsiConsole console, IReadOnlyList<ModelParameter> parameters, bool details)
    {
        foreach (var parameter in parameters)
        {
            console.MarkupLine($"[bold]{Cell(parameter.Name)}[/]");
            var facts = new List<string> { TypeText(parameter) };
            if (parameter.Required)
            {
                facts.Add("required");
            }

            if (parameter.DefaultJson is { } defaultJson)
            {
                facts.Add($"default {defaultJson}");
            }

            console.WriteLine(Printable.Short("  " + string.Join(", ", facts)));
            if (ConstraintsText(parameter) is { Length: > 0 } constraints)
            {
                console.WriteLine(Printable.Short("  " + constraints));
            }

            if (details && DescriptionText(parameter) is { Length: > 0 } description)
            {
                console.WriteLine(Printable.Short("  " + description));
            }
        }
    }

    private static void WriteParameterTable(IAnsiConsole console, IReadOnlyList<ModelParameter> parameters, bool details)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Parameter").NoWrap())
            .AddColumn("Type")
            .AddColumn("Required")
            .AddColumn("Default")
            .AddColumn("Allowed values / limits");
        if (details)
        {
            table.AddColumn("Description");
        }

        foreach (var parameter in parameters)
        {
            var cells = new List<string>
            {
                Cell(parameter.Name),
                Cell(TypeText(parameter)),
                parameter.Required ? "yes" : "",
                Cell(parameter.DefaultJson ?? ""),
                Cell(ConstraintsText(parameter)),
            };
            if (details)
            {
                cells.Add(Cell(DescriptionText(parameter)));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
    }

    private static void WriteRulesAndExample(IAnsiConsole console, string modelId, IReadOnlyList<ModelParameter> parameters, bool details)
    {
        if (details)
        {
            foreach (var parameter in parameters.Where(p => p.MediaRules.Count > 0))
            {
                console.MarkupLine($"Media rules for [bold]{Cell(parameter.Name)}[/] (checked on the file before submitting):");
                foreach (var rule in parameter.MediaRules)
                {
                    console.WriteLine(Printable.Short($"  {rule.Rule} {rule.Value.ToString(CultureInfo.InvariantCulture)}{(rule.Message is null ? "" : "  " + rule.Message)}"));
                }
            }

            var example = string.Join(" ", parameters.Where(p => p.Required).Select(p => $"--input {p.Name}={(p.IsMedia ? "@file" : "...")}"));
            console.WriteLine(Printable.Short($"Run it: comfy-schema run {modelId} {example}".TrimEnd()));
        }
    }

    private static string Cell(string text) => Markup.Escape(Printable.Short(text));

    public static string TypeText(ModelParameter parameter)
    {
        if (parameter.Type == "array")
        {
            var item = parameter.ItemFormat ?? parameter.ItemType;
            return item is null ? "array" : $"array of {item}";
        }

        return parameter.Format is null ? parameter.Type : $"{parameter.Type} ({parameter.Format})";
    }

    public static string ConstraintsText(ModelParameter parameter)
    {
        var parts = new List<string>();
        if (parameter.EnumJson is { Count: > 0 } values)
        {
            parts.Add(IntegerRun(values) is var (first, last) ? $"one of: {first}…{last} (every integer)" : "one of: " + string.Join(", ", values));
        }

        var lower = parameter.Minimum is { } min ? $"{Number(min)} ≤ " : parameter.ExclusiveMinimum is { } emin ? $"{Number(emin)} < " : "";
        var upper = parameter.Maximum is { } max ? $" ≤ {Number(max)}" : parameter.ExclusiveMaximum is { } emax ? $" < {Number(emax)}" : "";
        if (lower.Length + upper.Length > 0)
        {
            parts.Add($"{lower}value{upper}");
        }

        if (parameter.MinLength is not null || parameter.MaxLength is not null)
        {
            parts.Add(Range(parameter.MinLength, parameter.MaxLength, "characters"));
        }

        if (parameter.MinItems is not null || parameter.MaxItems is not null)
        {
            parts.Add(Range(parameter.MinItems, parameter.MaxItems, "items"));
        }

        if (parameter.Pattern is not null)
        {
            parts.Add($"pattern {parameter.Pattern}");
        }

        if (parameter.MediaRules.Count > 0)
        {
            parts.Add($"{parameter.MediaRules.Count} media rule{(parameter.MediaRules.Count == 1 ? "" : "s")}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>For an enum of five or more consecutive integers (1, 2, ... 15), its first and last value.</summary>
    private static (long First, long Last)? IntegerRun(IReadOnlyList<string> values)
    {
        if (values.Count < 5)
        {
            return null;
        }

        var numbers = new List<long>(values.Count);
        foreach (var value in values)
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            numbers.Add(number);
        }

        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] != numbers[i - 1] + 1)
            {
                return null;
            }
        }

        return (numbers[0], numbers[^1]);
    }

    public static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<ModelInfo> models)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("models");
        foreach (var model in models)
        {
            WriteModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteJson(Utf8JsonWriter writer, ModelInfo model) => WriteModel(writer, model);

    private static void WriteModel(Utf8JsonWriter writer, ModelInfo model)
    {
        writer.WriteStartObject();
        writer.WriteString("model_id", model.ModelId);
        WriteParameterArray(writer, model.Parameters);
        writer.WriteEndObject();
    }

    private static void WriteParameterArray(Utf8JsonWriter writer, IReadOnlyList<ModelParameter> parameters)
    {
        writer.WriteStartArray("parameters");
        foreach (var p in parameters)
        {
            writer.WriteStartObject();
            // Schema text comes from a server: cleaned as in the text output (Printable), so `jq -r` cannot print an escape sequence.
            writer.WriteString("name", Printable.Short(p.Name));
            writer.WriteString("type", Printable.Short(p.Type));
            WriteTextIfSet(writer, "format", p.Format);
            WriteTextIfSet(writer, "item_type", p.ItemType);
            WriteTextIfSet(writer, "item_format", p.ItemFormat);
            writer.WriteBoolean("required", p.Required);
            writer.WriteBoolean("media", p.IsMedia);
            WriteTextIfSet(writer, "title", p.Title);
            WriteTextIfSet(writer, "description", p.Description);
            if (p.DefaultJson is not null)
            {
                writer.WritePropertyName("default");
                CleanJson.Write(writer, p.DefaultJson);
            }

            if (p.EnumJson is not null)
            {
                writer.WriteStartArray("enum");
                foreach (var value in p.EnumJson)
                {
                    CleanJson.Write(writer, value);
                }

                writer.WriteEndArray();
            }

            WriteIfSet(writer, "minimum", p.Minimum);
            WriteIfSet(writer, "maximum", p.Maximum);
            WriteIfSet(writer, "exclusive_minimum", p.ExclusiveMinimum);
            WriteIfSet(writer, "exclusive_maximum", p.ExclusiveMaximum);
            WriteIfSet(writer, "min_length", p.MinLength);
            WriteIfSet(writer, "max_length", p.MaxLength);
            WriteIfSet(writer, "min_items", p.MinItems);
            WriteIfSet(writer, "max_items", p.MaxItems);
            WriteTextIfSet(writer, "pattern", p.Pattern);
            if (p.MediaRules.Count > 0)
            {
                writer.WriteStartArray("media_rules");
                foreach (var rule in p.MediaRules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", Printable.Short(rule.Rule));
                    writer.WriteNumber("value", rule.Value);
                    WriteTextIfSet(writer, "message", rule.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string DescriptionText(ModelParameter parameter) =>
        string.IsNullOrWhiteSpace(parameter.Description) ? parameter.Title ?? "" : parameter.Description;

    private static string Range(int? min, int? max, string unit) => (min, max) switch
    {
        ({ } a, { } b) => $"{a}–{b} {unit}",
        ({ } a, null) => $"at least {a} {unit}",
        (null, { } b) => $"at most {b} {unit}",
        _ => "",
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Server or schema text, cleaned by <see cref="Printable.Short"/>, when it is set.</summary>
    private static void WriteTextIfSet(Utf8JsonWriter writer, string name, string? value) =>
        WriteIfSet(writer, name, value is null ? null : Printable.Short(value));

    private static void WriteIfSet(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
