namespace Surgewatch.Core.Access;

/// <summary>
/// What an API key may do. Roles are ordered: each one includes the rights of those below it, so an
/// <see cref="Admin"/> key can ingest and an <see cref="Operator"/> key can too.
/// </summary>
public enum ApiKeyRole
{
    /// <summary>May post readings.</summary>
    Ingest = 1,

    /// <summary>May act on alerts (acknowledge, silence) and everything <see cref="Ingest"/> may.</summary>
    Operator = 2,

    /// <summary>May manage keys and everything <see cref="Operator"/> may.</summary>
    Admin = 3,
}
