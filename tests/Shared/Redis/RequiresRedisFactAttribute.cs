namespace Surgewatch.Tests.Redis;

/// <summary>
/// A fact that needs Redis's server program (the hub's backplane): skipped with the install hint where it is missing,
/// except under <c>CI=true</c>, where the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRedisFactAttribute : FactAttribute
{
    public RequiresRedisFactAttribute()
    {
        if (RedisServer.Program is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = RedisServer.InstallHint + " (under CI=true this test fails instead)";
        }
    }
}
