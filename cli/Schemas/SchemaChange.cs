namespace RunComfy.Cli.Schemas;

/// <summary>What kind of difference one <see cref="SchemaChange"/> is.</summary>
internal enum SchemaChangeKind
{
    PropertyAdded,
    PropertyRemoved,
    BecameRequired,
    BecameOptional,
    TypeChanged,
    EnumValueAdded,
    EnumValueRemoved,
    LimitTightened,
    LimitLoosened,
    MediaRuleTightened,
    MediaRuleLoosened,
    DefaultChanged,
    TextChanged,

    /// <summary>RunComfy no longer serves the model at all.</summary>
    ModelRemoved,
}

/// <summary>One difference between the schema code was built on and the one RunComfy serves now.</summary>
/// <param name="Property">The property it concerns; empty for the schema as a whole.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Breaking">True when code built on the old schema may now send requests the server refuses.</param>
/// <param name="Message">One line for a person; holds schema text, so sanitise it before printing.</param>
internal sealed record SchemaChange(string Property, SchemaChangeKind Kind, bool Breaking, string Message);
