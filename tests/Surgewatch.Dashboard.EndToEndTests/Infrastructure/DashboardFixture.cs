namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// <c>surgewatch serve --demo</c> and one headless Chromium shared by the demo's dashboard tests; the demo clock is
/// paused once the server is up.
/// </summary>
public class DashboardFixture : BrowserFixture
{
    /// <summary>
    /// Set to test a server that is already running (for example while working on web/) instead of starting
    /// <c>surgewatch serve --demo</c>.
    /// </summary>
    public const string UrlVariable = "SURGEWATCH_E2E_URL";

    protected override Uri? RunningServer =>
        Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } running ? new Uri(running) : null;

    private protected override Task<DemoServer> StartServerAsync() => DemoServer.StartAsync();

    // Simulated time stands still until a test runs it, so every test sees the demo from its start whatever the
    // order: the alert test runs the clock up to the surge itself.
    protected override Task OnServerStartedAsync() => SetClockAsync(paused: true);
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}

/// <summary>A demo server of its own for the test that runs the demo's surge to its end (<see cref="Surgewatch.Dashboard.EndToEndTests.SurgeDashboardTest"/>).</summary>
public sealed class SurgeDashboardFixture : DashboardFixture;

[CollectionDefinition(Name)]
public sealed class SurgeDashboardCollection : ICollectionFixture<SurgeDashboardFixture>
{
    public const string Name = "Dashboard surge";
}
