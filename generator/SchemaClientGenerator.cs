using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Emitting;
using RunComfy.SchemaClient.Generator.Parsing;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator
{
    /// <summary>
    /// Generates a typed request, its enums and its metadata for every AdditionalFiles item marked
    /// <c>RunComfySchema="true"</c>. Each file flows through its own steps (read, parse, resolve, emit),
    /// so editing one schema regenerates that schema alone; only small name lists are shared.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SchemaClientGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the tracked pipeline steps (tests assert their run reasons).</summary>
        public static class Steps
        {
            /// <summary>A schema file with its model id and text.</summary>
            public const string SchemaFiles = nameof(SchemaFiles);

            /// <summary>The parsed model and its diagnostics.</summary>
            public const string ParsedSchemas = nameof(ParsedSchemas);

            /// <summary>The names every model claims, collected.</summary>
            public const string ModelIdentities = nameof(ModelIdentities);

            /// <summary>The compilation-wide name check.</summary>
            public const string NameResolutions = nameof(NameResolutions);

            /// <summary>A model after the name check, ready to emit.</summary>
            public const string ResolvedModels = nameof(ResolvedModels);

            /// <summary>The entries of the generated catalog.</summary>
            public const string CatalogEntries = nameof(CatalogEntries);
        }

        internal const string SchemaMetadata = "build_metadata.AdditionalFiles.RunComfySchema";
        internal const string ModelIdMetadata = "build_metadata.AdditionalFiles.RunComfyModelId";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<SchemaFile> files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, _) => (Text: pair.Left, ModelId: SchemaModelId(pair.Right.GetOptions(pair.Left), pair.Left.Path)))
                .Where(static pair => pair.ModelId is not null)
                .Select(static (pair, cancellationToken) => ReadFile(pair.Text, pair.ModelId!, cancellationToken))
                .WithTrackingName(Steps.SchemaFiles);

            IncrementalValuesProvider<ParseResult> parsed = files
                .Select(static (file, cancellationToken) => SchemaParser.Parse(file, cancellationToken))
                .WithTrackingName(Steps.ParsedSchemas);

            IncrementalValueProvider<EquatableArray<NameResolution>> resolutions = parsed
                .Select(static (result, _) => NameResolver.Identify(result))
                .Where(static identity => identity is not null)
                .Select(static (identity, _) => identity!)
                .Collect()
                .WithTrackingName(Steps.ModelIdentities)
                .Select(static (identities, _) => NameResolver.Resolve(identities))
                .WithTrackingName(Steps.NameResolutions);

            IncrementalValuesProvider<ResolvedModel> resolved = parsed
                .Combine(resolutions)
                .Select(static (pair, _) => NameResolver.Apply(pair.Left, pair.Right))
                .WithTrackingName(Steps.ResolvedModels);

            context.RegisterSourceOutput(resolved, static (output, model) => Emit(output, model));

            IncrementalValueProvider<EquatableArray<CatalogEntry>> catalog = resolved
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => new CatalogEntry(r.Model!.ModelId, r.Model.Namespace, r.Model.TypeName))
                .Collect()
                .Select(static (entries, _) => entries.ToEquatableArray())
                .WithTrackingName(Steps.CatalogEntries);

            context.RegisterSourceOutput(catalog, static (output, entries) =>
                output.AddSource("RunComfy.Models.GeneratedModelCatalog.g.cs", SourceText.From(CatalogEmitter.Emit(entries), System.Text.Encoding.UTF8)));
        }

        /// <summary>The model id of a schema file, or null when the file is not a schema.</summary>
        private static string? SchemaModelId(AnalyzerConfigOptions options, string path)
        {
            if (!options.TryGetValue(SchemaMetadata, out string? isSchema) || !string.Equals(isSchema?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string modelId = options.TryGetValue(ModelIdMetadata, out string? id) && !string.IsNullOrWhiteSpace(id)
                ? id!
                : System.IO.Path.GetFileNameWithoutExtension(path);
            return ModelIdParser.Normalize(modelId);
        }

        private static SchemaFile ReadFile(AdditionalText text, string modelId, CancellationToken cancellationToken) =>
            new SchemaFile(text.Path, modelId, text.GetText(cancellationToken)?.ToString());

        private static void Emit(SourceProductionContext output, ResolvedModel resolved)
        {
            foreach (DiagnosticInfo diagnostic in resolved.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (resolved.Model is not ModelSpec model)
            {
                return;
            }

            string source;
            try
            {
                source = ModelEmitter.Emit(model);
            }
#pragma warning disable CA1031 // The generator must never throw: any failure becomes a diagnostic for this file only.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.FileStart(resolved.Path), ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
                return;
            }

            output.AddSource(model.Namespace + "." + model.TypeName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }
}
