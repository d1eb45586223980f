using FsCheck.Xunit;

namespace Surgewatch.Storage.Specification.Requirements;

/// <summary>A fact of the storage specification: skipped with a reason when the adapter's store is missing (<see cref="StoreRequirements"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute()
    {
        Skip = StoreRequirements.SkipReason;
    }
}

/// <summary>A property of the storage specification, skipped like <see cref="StoreFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorePropertyAttribute : PropertyAttribute
{
    public StorePropertyAttribute()
    {
        Skip = StoreRequirements.SkipReason;
    }
}

/// <summary>A theory of the storage specification, skipped like <see cref="StoreFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute
{
    public StoreTheoryAttribute()
    {
        Skip = StoreRequirements.SkipReason;
    }
}
