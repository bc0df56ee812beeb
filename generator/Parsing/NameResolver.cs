using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The compilation-wide name check. In file order: a model whose id or request type an earlier schema
    /// already has generates nothing (error). Then, in model id order (so the outcome never depends on the
    /// order of the files): a request type that differs from an earlier one only by case is renamed
    /// (<c>_2</c>...) with a warning, because each model's file is named after its type and generated file
    /// names, like many file systems, ignore case. Last, an enum type whose name another generated type has
    /// is renamed (<c>_2</c>...) with a warning. Member names need no such rule: C# tells them apart by case.
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

            var typeNames = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var renames = new Dictionary<string, DiagnosticInfo>(System.StringComparer.Ordinal);
            var claimed = new Dictionary<string, ModelIdentity>(System.StringComparer.OrdinalIgnoreCase);
            foreach (ModelIdentity model in models.Where(m => !excluded.ContainsKey(m.Path)).OrderBy(m => m.ModelId, System.StringComparer.Ordinal))
            {
                string name = model.TypeName;
                if (claimed.TryGetValue(model.Namespace + "." + name, out ModelIdentity? owner))
                {
                    for (int n = 2; claimed.ContainsKey(model.Namespace + "." + name); n++)
                    {
                        name = model.TypeName + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    renames[model.Path] = DiagnosticInfo.Create(
                        DiagnosticDescriptors.TypeNameCaseClash,
                        LocationInfo.FileStart(model.Path),
                        model.ModelId,
                        model.Namespace + "." + model.TypeName,
                        owner.Namespace + "." + owner.TypeName,
                        owner.ModelId,
                        model.Namespace + "." + name);
                }

                claimed.Add(model.Namespace + "." + name, model);
                typeNames[model.Path] = name;
            }

            var taken = new HashSet<string>(claimed.Keys, System.StringComparer.Ordinal);
            var results = new List<NameResolution>(models.Length);
            foreach (ModelIdentity model in models)
            {
                if (excluded.TryGetValue(model.Path, out DiagnosticInfo? error))
                {
                    results.Add(new NameResolution(model.Path, true, model.TypeName, EquatableArray<string>.Empty, new[] { error }.ToEquatableArray()));
                    continue;
                }

                var names = new List<string>();
                for (int i = 0; i < model.EnumTypeNames.Count; i++)
                {
                    string wanted = model.EnumTypeNames[i];
                    string name = wanted;
                    for (int n = 2; IsTaken(taken, model.Namespace, name); n++)
                    {
                        name = wanted + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    taken.Add(model.Namespace + "." + name);
                    taken.Add(model.Namespace + "." + name + "Values");
                    names.Add(name);
                }

                EquatableArray<DiagnosticInfo> diagnostics = renames.TryGetValue(model.Path, out DiagnosticInfo? rename)
                    ? new[] { rename }.ToEquatableArray()
                    : EquatableArray<DiagnosticInfo>.Empty;
                results.Add(new NameResolution(model.Path, false, typeNames[model.Path], names.ToEquatableArray(), diagnostics));
            }

            return results.ToEquatableArray();
        }

        /// <summary>Applies the check's outcome to one parsed model.</summary>
        public static ResolvedModel Apply(ParseResult parsed, EquatableArray<NameResolution> resolutions)
        {
            try
            {
                return ApplyCore(parsed, resolutions);
            }
            catch (System.OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // The generator must never throw: any failure becomes a diagnostic for this file only.
            catch (System.Exception ex)
#pragma warning restore CA1031
            {
                DiagnosticInfo failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.FileStart(parsed.Path), ex.GetType().Name + ": " + ex.Message);
                return new ResolvedModel(parsed.Path, null, parsed.Diagnostics.Concat(new[] { failure }).ToEquatableArray());
            }
        }

        private static ResolvedModel ApplyCore(ParseResult parsed, EquatableArray<NameResolution> resolutions)
        {
            NameResolution? resolution = resolutions.FirstOrDefault(r => r.Path == parsed.Path);
            if (parsed.Model is null || resolution is null)
            {
                return new ResolvedModel(parsed.Path, parsed.Model, parsed.Diagnostics);
            }

            var diagnostics = parsed.Diagnostics.Concat(resolution.Diagnostics).ToList();
            if (resolution.Excluded)
            {
                return new ResolvedModel(parsed.Path, null, diagnostics.ToEquatableArray());
            }

            // Renamed enums are reported here, with the model's own locations: the shared name list
            // holds no locations, so editing text above an enum does not invalidate every model.
            ModelSpec model = parsed.Model;
            for (int i = 0; i < model.Enums.Count; i++)
            {
                EnumSpec spec = model.Enums[i];
                if (spec.TypeName != resolution.EnumTypeNames[i])
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumTypeNameClash, spec.Location, spec.TypeName, spec.PropertyJsonName, resolution.EnumTypeNames[i]));
                }
            }

            if (model.TypeName != resolution.TypeName)
            {
                model = model with { TypeName = resolution.TypeName };
            }

            if (!model.Enums.Select(e => e.TypeName).SequenceEqual(resolution.EnumTypeNames))
            {
                model = model with
                {
                    Enums = model.Enums.Select((e, i) => e with { TypeName = resolution.EnumTypeNames[i] }).ToEquatableArray(),
                };
            }

            return new ResolvedModel(parsed.Path, model, diagnostics.ToEquatableArray());
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
                model.Enums.Select(e => e.TypeName).ToEquatableArray());
        }

        private static bool IsTaken(HashSet<string> taken, string ns, string name) =>
            taken.Contains(ns + "." + name) || taken.Contains(ns + "." + name + "Values");
    }
}
