using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The compilation-wide name check. In file order: a model whose id or request type an earlier schema
    /// already has generates nothing (error); an enum type whose name another generated type has is
    /// renamed (<c>_2</c>...) with a warning.
    /// </summary>
    internal static class NameResolver
    {
        public static EquatableArray<NameResolution> Resolve(ImmutableArray<ModelIdentity> models)
        {
            var ids = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var types = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var excluded = new Dictionary<string, DiagnosticInfo>(System.StringComparer.Ordinal);
            foreach (ModelIdentity model in models)
            {
                string fullName = model.Namespace + "." + model.TypeName;
                if (ids.TryGetValue(model.ModelId, out string? firstPath))
                {
                    excluded[model.Path] = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateModelId, LocationInfo.FileStart(model.Path), model.ModelId, firstPath);
                }
                else if (types.TryGetValue(fullName, out string? firstId))
                {
                    excluded[model.Path] = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTypeName, LocationInfo.FileStart(model.Path), model.ModelId, fullName, firstId);
                }
                else
                {
                    ids.Add(model.ModelId, model.Path);
                    types.Add(fullName, model.ModelId);
                }
            }

            var taken = new HashSet<string>(types.Keys, System.StringComparer.Ordinal);
            var results = new List<NameResolution>(models.Length);
            foreach (ModelIdentity model in models)
            {
                if (excluded.TryGetValue(model.Path, out DiagnosticInfo? error))
                {
                    results.Add(new NameResolution(model.Path, true, EquatableArray<string>.Empty, new[] { error }.ToEquatableArray()));
                    continue;
                }

                var names = new List<string>();
                var diagnostics = new List<DiagnosticInfo>();
                for (int i = 0; i < model.EnumTypeNames.Count; i++)
                {
                    string wanted = model.EnumTypeNames[i];
                    string name = wanted;
                    for (int n = 2; IsTaken(taken, model.Namespace, name); n++)
                    {
                        name = wanted + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    if (name != wanted)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumTypeNameClash, model.EnumLocations[i], wanted, model.EnumProperties[i], name));
                    }

                    taken.Add(model.Namespace + "." + name);
                    taken.Add(model.Namespace + "." + name + "Values");
                    names.Add(name);
                }

                results.Add(new NameResolution(model.Path, false, names.ToEquatableArray(), diagnostics.ToEquatableArray()));
            }

            return results.ToEquatableArray();
        }

        /// <summary>Applies the check's outcome to one parsed model.</summary>
        public static ResolvedModel Apply(ParseResult parsed, EquatableArray<NameResolution> resolutions)
        {
            NameResolution? resolution = resolutions.FirstOrDefault(r => r.Path == parsed.Path);
            if (parsed.Model is null || resolution is null)
            {
                return new ResolvedModel(parsed.Path, parsed.Model, parsed.Diagnostics);
            }

            var diagnostics = parsed.Diagnostics.Concat(resolution.Diagnostics).ToEquatableArray();
            if (resolution.Excluded)
            {
                return new ResolvedModel(parsed.Path, null, diagnostics);
            }

            ModelSpec model = parsed.Model;
            if (!model.Enums.Select(e => e.TypeName).SequenceEqual(resolution.EnumTypeNames))
            {
                model = model with
                {
                    Enums = model.Enums.Select((e, i) => e with { TypeName = resolution.EnumTypeNames[i] }).ToEquatableArray(),
                };
            }

            return new ResolvedModel(parsed.Path, model, diagnostics);
        }

        public static ModelIdentity? Identify(ParseResult parsed)
        {
            ModelSpec? model = parsed.Model;
            if (model is null)
            {
                return null;
            }

            return new ModelIdentity(
                parsed.Path,
                model.ModelId,
                model.Namespace,
                model.TypeName,
                model.Enums.Select(e => e.TypeName).ToEquatableArray(),
                model.Enums.Select(e => e.PropertyJsonName).ToEquatableArray(),
                model.Enums.Select(e => e.Location).ToEquatableArray());
        }

        private static bool IsTaken(HashSet<string> taken, string ns, string name) =>
            taken.Contains(ns + "." + name) || taken.Contains(ns + "." + name + "Values");
    }
}
