using System;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// An NJsonSchema reference resolver that never reads a file or a URL: a schema is untrusted input,
    /// so a <c>$ref</c> naming <c>http://...</c> or <c>other.json</c> must not make the compiler (or the
    /// emulator) fetch anything. References inside the document itself (<c>#/definitions/x</c>) still resolve.
    /// Compiled into the generator and, as a linked file, into the emulator.
    /// </summary>
    internal sealed class OfflineReferenceResolver : JsonReferenceResolver
    {
        private OfflineReferenceResolver(JsonSchema root)
            : base(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
        {
        }

        /// <summary>The factory to hand <c>JsonSchema.FromJsonAsync</c>.</summary>
        public static Func<JsonSchema, JsonReferenceResolver> Factory { get; } = root => new OfflineReferenceResolver(root);

        /// <summary>Reads a schema with no external reference resolved; one that names a file or URL throws <see cref="ExternalReferenceException"/>.</summary>
        public static Task<JsonSchema> ReadAsync(string json, CancellationToken cancellationToken) =>
            JsonSchema.FromJsonAsync(json, documentPath: null, Factory, cancellationToken);

        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new ExternalReferenceException(filePath);

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new ExternalReferenceException(url);

        /// <summary>A schema named a reference outside itself, which is never followed.</summary>
        internal sealed class ExternalReferenceException : InvalidOperationException
        {
            public ExternalReferenceException(string reference)
                : base("the schema names the external reference '" + reference + "', which is never followed")
            {
                Reference = reference;
            }

            public string Reference { get; }
        }
    }
}
