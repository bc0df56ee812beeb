using System.Collections.Generic;
using System.Linq;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>The <c>ValidationCollector</c> calls that check one property, one per schema keyword.</summary>
    internal static class ValidationCalls
    {
        public static IEnumerable<string> For(ModelSpec model, PropertySpec p)
        {
            string path = CodeText.String(p.JsonName);
            string message = p.ValidationError is null ? string.Empty : ", message: " + CodeText.String(p.ValidationError);
            string member = p.MemberName;

            if (p.Required && !TypeNames.IsValueType(p))
            {
                yield return "Required(" + path + ", " + member + message + ")";
            }

            if (p.IsArray)
            {
                if (p.MinItems is not null || p.MaxItems is not null || p.Kind == ValueKind.String || p.Kind == ValueKind.Media)
                {
                    yield return "Items(" + path + ", " + member + ", " + Int(p.MinItems) + ", " + Int(p.MaxItems) + message + ")";
                }

                if (p.Kind == ValueKind.Media)
                {
                    yield return "Media(" + path + ", " + member + ")";
                }

                yield break;
            }

            string text = p.Kind == ValueKind.Media ? member + "?.Url" : member;
            switch (p.Kind)
            {
                case ValueKind.String:
                case ValueKind.Media:
                    if (p.MinLength is not null || p.MaxLength is not null)
                    {
                        yield return "Length(" + path + ", " + text + ", " + Int(p.MinLength) + ", " + Int(p.MaxLength) + message + ")";
                    }

                    if (p.Pattern is not null)
                    {
                        yield return "Pattern(" + path + ", " + text + ", " + CodeText.String(p.Pattern) + message + ")";
                    }

                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + text + ", " + p.ConstJson + message + ")";
                    }

                    if (p.Kind == ValueKind.Media)
                    {
                        yield return "Media(" + path + ", " + member + ")";
                    }

                    break;

                case ValueKind.Int32:
                case ValueKind.Int64:
                case ValueKind.Double:
                    bool isDouble = p.Kind == ValueKind.Double;
                    if (isDouble)
                    {
                        yield return "Number(" + path + ", " + member + message + ")";
                    }

                    foreach (var (method, limit) in new[] { ("Minimum", p.Minimum), ("Maximum", p.Maximum), ("ExclusiveMinimum", p.ExclusiveMinimum), ("ExclusiveMaximum", p.ExclusiveMaximum) })
                    {
                        if (limit is null)
                        {
                            continue;
                        }

                        if (isDouble)
                        {
                            yield return method + "(" + path + ", " + member + ", " + CodeText.Double(limit) + message + ")";
                        }
                        else if (CodeText.IsIntegral(limit))
                        {
                            yield return method + "(" + path + ", " + member + ", " + CodeText.Long(limit) + message + ")";
                        }
                        else
                        {
                            yield return method + "(" + path + ", (double?)" + member + ", " + CodeText.Double(limit) + message + ")";
                        }
                    }

                    if (isDouble && p.HasEnum)
                    {
                        yield return "OneOf(" + path + ", " + member + ", new double[] { " + string.Join(", ", p.EnumJson.Select(CodeText.Double)) + " }" + message + ")";
                    }

                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + member + ", " + (isDouble ? CodeText.Double(p.ConstJson) : CodeText.Long(p.ConstJson)) + message + ")";
                    }

                    break;

                case ValueKind.Boolean:
                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + member + ", " + p.ConstJson + message + ")";
                    }

                    break;

                case ValueKind.Enum:
                    EnumSpec spec = model.Enums[p.EnumIndex];
                    yield return "Enum<" + TypeNames.Enum(model, spec) + ">(" + path + ", " + member + ", global::" + model.Namespace + "." + spec.ValuesTypeName + ".IsDefined" + message + ")";
                    break;
            }
        }

        private static string Int(int? value) => value is int v ? CodeText.Int(v) : "null";
    }
}
