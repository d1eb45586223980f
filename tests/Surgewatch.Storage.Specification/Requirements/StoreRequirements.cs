using System.Reflection;

namespace Surgewatch.Storage.Specification.Requirements;

/// <summary>
/// Why the specification cannot run in this test process, or null. The suite's facts are built while xunit
/// discovers the test assembly, which is then loaded, so its <see cref="StoreRequirementAttribute"/>s are found by
/// looking through the loaded assemblies. Under <c>CI=true</c> nothing is skipped: a missing server fails the tests.
/// </summary>
public static class StoreRequirements
{
    private static readonly Lazy<string?> Reason = new(Find);

    /// <summary>True under <c>CI=true</c>, where a missing dependency must fail rather than skip.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for this process's store, or null when its tests run.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Find()
    {
        if (UnderCi)
        {
            return null;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            foreach (var declared in assembly.GetCustomAttributes<StoreRequirementAttribute>())
            {
                var check = (IStoreRequirement)Activator.CreateInstance(declared.Check)!;
                if (check.MissingReason is { } missing)
                {
                    return missing + " (under CI=true this test fails instead)";
                }
            }
        }

        return null;
    }
}
