namespace Surgewatch.Storage.Specification.Requirements;

/// <summary>
/// Declared once by an adapter's test assembly whose store needs something from outside (a database server):
/// <c>[assembly: StoreRequirement(typeof(MyServerCheck))]</c>. Every <see cref="StoreFactAttribute"/> and
/// <see cref="StorePropertyAttribute"/> of the suite then skips with the check's reason where it is missing.
/// </summary>
/// <param name="check">A type implementing <see cref="IStoreRequirement"/>, with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StoreRequirementAttribute(Type check) : Attribute
{
    public Type Check { get; } = check;
}

/// <summary>Says whether what a store needs is there.</summary>
public interface IStoreRequirement
{
    /// <summary>Null when the store can run; otherwise why not and how to get it (for example the package to install).</summary>
    string? MissingReason { get; }
}
