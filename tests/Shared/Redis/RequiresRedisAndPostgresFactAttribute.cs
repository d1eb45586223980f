using Surgewatch.Tests.Postgres;

namespace Surgewatch.Tests.Redis;

/// <summary>
/// A fact that needs Redis and PostgreSQL's server programs (a cluster of real nodes): skipped with the install hint
/// where one is missing, except under <c>CI=true</c>, where the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRedisAndPostgresFactAttribute : FactAttribute
{
    public RequiresRedisAndPostgresFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var missing = new[] { RedisServer.Program is null ? RedisServer.InstallHint : null, PostgresBinaries.Folder is null ? PostgresBinaries.InstallHint : null }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            Skip = string.Join("; ", missing) + " (under CI=true this test fails instead)";
        }
    }
}
