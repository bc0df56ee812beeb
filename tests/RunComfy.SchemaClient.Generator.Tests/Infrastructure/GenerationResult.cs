using Microsoft.CodeAnalysis;

namespace RunComfy.SchemaClient.Generator.Tests.Infrastructure;

/// <summary>What one generator run produced: sources, the generator's diagnostics, and the compiled result.</summary>
public sealed class GenerationResult(GeneratorDriverRunResult run, Compilation compilation)
{
    public GeneratorDriverRunResult Run { get; } = run;

    public Compilation Compilation { get; } = compilation;

    /// <summary>The generator's own diagnostics (RCS...).</summary>
    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Run.Diagnostics;

    /// <summary>Every generated file, by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The generated source of one request type (<c>RunComfy.Models.Bytedance.Seedream40EditRequest</c>).</summary>
    public string Source(string fullTypeName) => Sources[fullTypeName + ".g.cs"];

    /// <summary>Errors and warnings of compiling the generated code (generator diagnostics excluded).</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics =>
        [.. Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
}
