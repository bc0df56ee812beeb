using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>A diagnostic as value data: which descriptor, its message arguments, and where.</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, LocationInfo Location)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params object[] messageArgs) =>
            new DiagnosticInfo(descriptor.Id, messageArgs.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToEquatableArray(), location);

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location.ToLocation(), MessageArgs.Cast<object>().ToArray());
    }
}
