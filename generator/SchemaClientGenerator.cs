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

            /// <summary>A model's generated file (or the diagnostic why it has none).</summary>
            public const string EmittedModels = nameof(EmittedModels);

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
                .Select(static (file, cancellationToken) => SchemaSizeLimit.Check(file) ?? SchemaParser.Parse(file, cancellationToken))
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

            IncrementalValuesProvider<EmittedModel> emitted = resolved
                .Select(static (model, _) => Emit(model))
                .WithTrackingName(Steps.EmittedModels);

            context.RegisterSourceOutput(emitted, static (output, model) => AddOutput(output, model));

            IncrementalValueProvider<EquatableArray<CatalogEntry>> catalog = emitted
                .Where(static e => e.Entry is not null)
                .Select(static (e, _) => e.Entry!)
                .Collect()
                .Select(static (entries, _) => entries.ToEquatableArray())
                .WithTrackingName(Steps.CatalogEntries);

            context.RegisterSourceOutput(catalog, static (output, entries) => EmitCatalog(output, entries));
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

        /// <summary>The file's text, or null (RCS0014 later) when it cannot be read.</summary>
        private static SchemaFile ReadFile(AdditionalText text, string modelId, CancellationToken cancellationToken)
        {
            string? content;
            try
            {
                content = text.GetText(cancellationToken)?.ToString();
            }
#pragma warning disable CA1031 // Whatever the host's reader throws, the file is "cannot be read" (RCS0014), never a generator crash.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                content = null;
            }

            return new SchemaFile(text.Path, modelId, content);
        }

        /// <summary>
        /// The per-model guard: a model that cannot be written (RCS0022) or fails unexpectedly (RCS0015) is
        /// left out alone, with its diagnostics, and never stops the others or reaches the catalog.
        /// </summary>
        private static EmittedModel Emit(ResolvedModel resolved)
        {
            if (resolved.Model is not ModelSpec model)
            {
                return new EmittedModel(resolved.Path, null, null, null, resolved.Diagnostics);
            }

            DiagnosticInfo failure;
            try
            {
                string hintName = Identifier.HintName(model.Namespace, model.TypeName);
                string source = ModelEmitter.Emit(model);
                return new EmittedModel(resolved.Path, hintName, source, new CatalogEntry(model.ModelId, model.Namespace, model.TypeName), resolved.Diagnostics);
            }
            catch (UnwritableValueException ex)
            {
                failure = DiagnosticInfo.Create(DiagnosticDescriptors.UnwritableValue, LocationInfo.FileStart(resolved.Path), CommentText.Of(ex.Message));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // The generator must never throw: any failure becomes a diagnostic for this file only.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.FileStart(resolved.Path), CommentText.Of(ex.GetType().Name + ": " + ex.Message));
            }

            return new EmittedModel(resolved.Path, null, null, null, resolved.Diagnostics.Concat(new[] { failure }).ToEquatableArray());
        }

        /// <summary>Reports a model's diagnostics and adds its file; <c>AddSource</c> too runs inside a guard.</summary>
        private static void AddOutput(SourceProductionContext output, EmittedModel model)
        {
            foreach (DiagnosticInfo diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.HintName is null || model.Source is null)
            {
                return;
            }

            try
            {
                output.AddSource(model.HintName, SourceText.From(model.Source, System.Text.Encoding.UTF8));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // The generator must never throw (CS8785): the other models still generate.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.FileStart(model.Path), CommentText.Of(ex.GetType().Name + ": " + ex.Message)).ToDiagnostic());
            }
        }

        /// <summary>The catalog, in its own guard: a failure there is reported, never thrown (CS8785).</summary>
        private static void EmitCatalog(SourceProductionContext output, EquatableArray<CatalogEntry> entries)
        {
            try
            {
                output.AddSource("RunComfy.Generated.GeneratedModelCatalog.g.cs", SourceText.From(CatalogEmitter.Emit(entries), System.Text.Encoding.UTF8));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // The generator must never throw: the models still compile without the catalog.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, CommentText.Of(ex.GetType().Name + ": " + ex.Message)));
            }
        }
    }
}
