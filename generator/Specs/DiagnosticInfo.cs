using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>A diagnostic as value data: which descriptor, its message arguments, and where.</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, LocationInfo Location)
    {
        /// <summary>A diagnostic whose arguments are sanitised: schema text in them can end no line and drive no terminal.</summary>
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params object[] messageArgs) =>
            new DiagnosticInfo(
                descriptor.Id,
                messageArgs.Select(a => Diagnostics.DiagnosticText.Sanitize(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).ToEquatableArray(),
                location);

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location.ToLocation(), MessageArgs.Cast<object>().ToArray());
    }
}
