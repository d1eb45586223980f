using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Briefing;

/// <summary>The briefing of the present day on the server's clock, against the day ahead.</summary>
public sealed class BriefingDayTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetBriefing_Today_StatesTheSiteTimeItWasMadeAt()
    {
        using var server = new ClockedServer(new ManualTime(T0.AddMinutes(30)));

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2025-06-01")).ReadJsonAsync();

        briefing.GetProperty("asOf").GetString().Should().Be("10:30");
    }

    [Fact]
    public async Task GetBriefing_Tomorrow_NoAsOf()
    {
        using var server = new ClockedServer(new ManualTime(T0));

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing")).ReadJsonAsync();

        briefing.GetProperty("date").GetString().Should().Be("2025-06-02");
        briefing.GetProperty("asOf").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }
}
