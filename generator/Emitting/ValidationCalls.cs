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
            string path = Literal.String(p.JsonName);
            string message = p.ValidationError is null ? string.Empty : ", message: " + Literal.String(p.ValidationError);
            string member = Identifier.Of(p.MemberName);

            if (p.Required && !TypeNames.IsValueType(p))
            {
                yield return "Required(" + path + ", " + member + message + ")";
            }

            if (p.IsArray)
            {
                // One call: the count, then every item in index order (images[1] before images[2]).
                List<string> itemChecks = ItemChecks(p, message).ToList();
                if (itemChecks.Count > 0)
                {
                    yield return "Items(" + path + ", " + member + ", " + Int(p.MinItems) + ", " + Int(p.MaxItems)
                        + ", static (__c, __p, __x) => { " + string.Join(" ", itemChecks.Select(c => "__c." + c + ";")) + " }" + message + ")";
                }
                else if (p.MinItems is not null || p.MaxItems is not null || p.Kind == ValueKind.String || p.Kind == ValueKind.Media)
                {
                    yield return "Items(" + path + ", " + member + ", " + Int(p.MinItems) + ", " + Int(p.MaxItems) + message + ")";
                }

                yield break;
            }

            string text = p.Kind == ValueKind.Media ? member + "?.Url" : member;
            switch (p.Kind)
            {
                case ValueKind.String:
                case ValueKind.Media:
                    if (p.Kind == ValueKind.String)
                    {
                        yield return "Text(" + path + ", " + text + ")";
                    }

                    if (p.MinLength is not null || p.MaxLength is not null)
                    {
                        yield return "Length(" + path + ", " + text + ", " + Int(p.MinLength) + ", " + Int(p.MaxLength) + message + ")";
                    }

                    if (p.Pattern is not null)
                    {
                        yield return "Pattern(" + path + ", " + text + ", " + Literal.String(p.Pattern) + message + ")";
                    }

                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + text + ", " + Literal.StringFromJson(p.ConstJson) + message + ")";
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
                            yield return method + "(" + path + ", " + member + ", " + Literal.Double(limit) + message + ")";
                        }
                        else if (Literal.IsIntegral(limit))
                        {
                            yield return method + "(" + path + ", " + member + ", " + Literal.Long(limit) + message + ")";
                        }
                        else
                        {
                            yield return method + "(" + path + ", (double?)" + member + ", " + Literal.Double(limit) + message + ")";
                        }
                    }

                    if (isDouble && p.HasEnum)
                    {
                        yield return "OneOf(" + path + ", " + member + ", " + AllowedField(p) + message + ")";
                    }

                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + member + ", " + (isDouble ? Literal.Double(p.ConstJson) : Literal.Long(p.ConstJson)) + message + ")";
                    }

                    break;

                case ValueKind.Boolean:
                    if (p.ConstJson is not null)
                    {
                        yield return "Const(" + path + ", " + member + ", " + Literal.Bool(p.ConstJson) + message + ")";
                    }

                    break;

                case ValueKind.Enum:
                    EnumSpec spec = model.Enums[p.EnumIndex];
                    yield return "Enum<" + TypeNames.Enum(model, spec) + ">(" + path + ", " + member + ", " + TypeNames.EnumValues(model, spec) + ".IsDefined" + message + ")";
                    break;
            }
        }

        /// <summary>The checks of one array item, as calls on <c>__c</c> with the item <c>__x</c> at path <c>__p</c>.</summary>
        private static IEnumerable<string> ItemChecks(PropertySpec p, string message)
        {
            ItemRulesSpec? rules = p.ItemRules;
            switch (p.Kind)
            {
                case ValueKind.String:
                case ValueKind.Media:
                    string text = p.Kind == ValueKind.Media ? "__x.Url" : "__x";
                    if (p.Kind == ValueKind.String)
                    {
                        yield return "Text(__p, __x)";
                    }

                    if (rules is null)
                    {
                        break;
                    }

                    if (rules.MinLength is not null || rules.MaxLength is not null)
                    {
                        yield return "Length(__p, " + text + ", " + Int(rules.MinLength) + ", " + Int(rules.MaxLength) + message + ")";
                    }

                    if (rules.Pattern is not null)
                    {
                        yield return "Pattern(__p, " + text + ", " + Literal.String(rules.Pattern) + message + ")";
                    }

                    if (rules.EnumJson.Count > 0)
                    {
                        yield return "OneOf(__p, __x, " + AllowedField(p) + message + ")";
                    }

                    break;

                case ValueKind.Int64:
                case ValueKind.Double:
                    bool isDouble = p.Kind == ValueKind.Double;
                    if (isDouble)
                    {
                        yield return "Number(__p, __x" + message + ")";
                    }

                    if (rules is null)
                    {
                        break;
                    }

                    foreach (var (method, limit) in new[] { ("Minimum", rules.Minimum), ("Maximum", rules.Maximum), ("ExclusiveMinimum", rules.ExclusiveMinimum), ("ExclusiveMaximum", rules.ExclusiveMaximum) })
                    {
                        if (limit is null)
                        {
                            continue;
                        }

                        if (isDouble)
                        {
                            yield return method + "(__p, __x, " + Literal.Double(limit) + message + ")";
                        }
                        else if (Literal.IsIntegral(limit))
                        {
                            yield return method + "(__p, __x, " + Literal.Long(limit) + message + ")";
                        }
                        else
                        {
                            yield return method + "(__p, (double?)__x, " + Literal.Double(limit) + message + ")";
                        }
                    }

                    if (rules.EnumJson.Count > 0)
                    {
                        yield return "OneOf(__p, __x, " + AllowedField(p) + message + ")";
                    }

                    break;
            }

            if (p.Kind == ValueKind.Media)
            {
                yield return "Media(__p, __x)";
            }
        }

        /// <summary>
        /// The declaration of the static field that holds the values an <c>enum</c> check of <paramref name="p"/> allows
        /// (a <c>number</c> enum, or the enum of an array's items), or null when its checks need none. The values are
        /// made once per type, so a <c>Validate()</c> of a valid request allocates nothing.
        /// </summary>
        public static string? AllowedValuesField(PropertySpec p)
        {
            string? type = null;
            string values = string.Empty;
            if (!p.IsArray && p.Kind == ValueKind.Double && p.HasEnum)
            {
                type = "double";
                values = string.Join(", ", p.EnumJson.Select(Literal.Double));
            }
            else if (p.IsArray && p.ItemRules is { EnumJson.Count: > 0 } rules)
            {
                switch (p.Kind)
                {
                    case ValueKind.String:
                    case ValueKind.Media:
                        type = "string";
                        values = string.Join(", ", rules.EnumJson.Select(Literal.String));
                        break;
                    case ValueKind.Int64:
                        type = "long";
                        values = string.Join(", ", rules.EnumJson.Select(Literal.Long));
                        break;
                    case ValueKind.Double:
                        type = "double";
                        values = string.Join(", ", rules.EnumJson.Select(Literal.Double));
                        break;
                }
            }

            return type is null ? null : "private static readonly " + type + "[] " + AllowedField(p) + " = new " + type + "[] { " + values + " };";
        }

        private static string AllowedField(PropertySpec p) => Identifier.Of("__" + p.MemberName + "Allowed");

        private static string Int(int? value) => value is int v ? Literal.Int(v) : "null";
    }
}
