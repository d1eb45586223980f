namespace Surgewatch.Tests.Postgres;

/// <summary>
/// A fact that needs PostgreSQL's server programs: skipped with the install hint where they are missing, except under
/// <c>CI=true</c>, where the test runs and fails, so CI cannot pass without exercising the PostgreSQL store.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPostgresFactAttribute : FactAttribute
{
    public RequiresPostgresFactAttribute()
    {
        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!underCi && PostgresBinaries.Folder is null)
        {
            Skip = PostgresBinaries.InstallHint + " (under CI=true this test fails instead)";
        }
    }
}
