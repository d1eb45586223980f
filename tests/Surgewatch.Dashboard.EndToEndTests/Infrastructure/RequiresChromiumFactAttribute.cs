namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// A fact that needs /usr/bin/chromium: skipped with the install hint where it is missing, except under
/// <c>CI=true</c>, where the test runs and fails, so CI cannot pass without driving a real browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (!Chromium.UnderCi && !Chromium.IsInstalled)
        {
            Skip = Chromium.InstallHint + " (under CI=true this test fails instead)";
        }
    }
}
