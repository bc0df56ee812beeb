using System;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// A schema value the emitter refuses to write as C# (a non-finite number, an identifier outside the
    /// safe alphabet). Thrown inside the per-model guard, so only that model is left out, with RCS0022.
    /// </summary>
    internal sealed class UnwritableValueException : Exception
    {
        public UnwritableValueException(string message)
            : base(message)
        {
        }

        public UnwritableValueException()
        {
        }

        public UnwritableValueException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
