using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Parsing;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Reads a model's input schema into NJsonSchema without any I/O: the resolver the generator uses
/// (<see cref="OfflineReferenceResolver"/>, a linked file) refuses every file and URL reference, so a
/// schema naming <c>http://...</c> never makes the emulator fetch it. References inside the schema
/// (<c>#/definitions/x</c>) still resolve. A refused reference fails the load with a clear message.
/// </summary>
internal static class OfflineSchemaReader
{
    public static JsonSchema Read(JObject rawSchema)
    {
        try
        {
            return OfflineReferenceResolver.ReadAsync(SchemaNormalizer.ForNJsonSchema(rawSchema).ToString(Formatting.None), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException ex) when (FindRefused(ex) is { } refused)
        {
            throw new InvalidOperationException(
                $"the schema names the external reference '{DiagnosticText.Quote(refused.Reference)}'; the emulator never follows references to files or URLs", ex);
        }
    }

    private static OfflineReferenceResolver.ExternalReferenceException? FindRefused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OfflineReferenceResolver.ExternalReferenceException refused) return refused;
        }
        return null;
    }
}
