using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Alerts;

/// <summary>What the inbox reads: open alerts with inhibition, rule names and units, and resolved episodes.</summary>
public sealed class AlertInboxTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAlerts_ZoneAboveTheAlarmLevel_WarningIsInhibitedByTheAlarmAndBothAreOpenWithNameAndUnit()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        await HoldAsync(server, "surge-zone", 450, 450);

        var alerts = (await (await server.CreateClient().GetAsync("/api/v1/alerts?active=true")).ReadJsonAsync()).EnumerateArray().ToList();

        var warning = alerts.Single(a => a.GetProperty("key").GetString() == "density-warning/surge-zone");
        var alarm = alerts.Single(a => a.GetProperty("key").GetString() == "density-alarm/surge-zone");
        warning.GetProperty("inhibitedBy").GetString().Should().Be("density-alarm/surge-zone");
        warning.GetProperty("open").GetBoolean().Should().BeTrue();
        warning.GetProperty("ruleName").GetString().Should().Be("Density warning");
        warning.GetProperty("unit").GetString().Should().Be("persons/m²");
        alarm.GetProperty("state").GetString().Should().Be("firing");
        alarm.GetProperty("inhibitedBy").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task AcknowledgeAlert_AfterTheListWasRead_AnswersANewerRevisionThanTheListAndTheNextListNewerStill()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        var admin = await HoldAsync(server, "rev-zone", 300, 300);
        const string key = "density-warning/rev-zone";

        var listed = await RevisionAsync(server, key);
        var ack = await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(key)}/ack", Bodies.Json("{}"));
        ack.EnsureSuccessStatusCode();
        var acknowledged = (await ack.ReadJsonAsync()).GetProperty("revision").GetInt64();
        var relisted = await RevisionAsync(server, key);

        // A client keeps the view with the higher revision: the live update of a step taken before the acknowledgement
        // cannot overwrite it.
        acknowledged.Should().BeGreaterThan(listed);
        relisted.Should().BeGreaterThan(acknowledged);
    }

    private static async Task<long> RevisionAsync(ClockedServer server, string key)
    {
        var alerts = (await (await server.CreateClient().GetAsync("/api/v1/alerts")).ReadJsonAsync()).EnumerateArray();
        return alerts.Single(a => a.GetProperty("key").GetString() == key).GetProperty("revision").GetInt64();
    }

    [Fact]
    public async Task GetAlertEpisodes_AlertResolvedByAnOperator_ListsTheEpisodeWithDurationPeakAndNote()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        await HoldAsync(server, "other-zone", 300, 300);
        var admin = await HoldAsync(server, "ep-zone", 300, 320);
        server.Time.Now += TimeSpan.FromMinutes(4);
        (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString("density-warning/ep-zone")}/resolve", Bodies.Json("""{"note":"sensor moved"}""")))
            .EnsureSuccessStatusCode();

        var response = await server.CreateClient().GetAsync("/api/v1/alerts/episodes?subject=ep-zone");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var episode = (await response.ReadJsonAsync()).EnumerateArray().Should().ContainSingle().Subject;
        episode.GetProperty("key").GetString().Should().Be("density-warning/ep-zone");
        episode.GetProperty("ruleName").GetString().Should().Be("Density warning");
        episode.GetProperty("severity").GetString().Should().Be("warning");
        episode.GetProperty("durationSeconds").GetDouble().Should().Be(600);
        episode.GetProperty("peak").GetDouble().Should().Be(3.2);
        episode.GetProperty("unit").GetString().Should().Be("persons/m²");
        episode.GetProperty("note").GetString().Should().Be("sensor moved");
        episode.GetProperty("resolvedBy").GetString().Should().NotBeNullOrEmpty();
        episode.GetProperty("endedAt").GetDateTimeOffset().Should().Be(T0.AddMinutes(16));
    }

    [Fact]
    public async Task GetAlertEpisodes_SinceAfterTheEpisodeEnded_Empty()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        var admin = await HoldAsync(server, "old-zone", 300, 300);
        (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString("density-warning/old-zone")}/resolve", Bodies.Json("{}"))).EnsureSuccessStatusCode();

        var since = Uri.EscapeDataString(T0.AddHours(1).ToString("O"));
        var episodes = await (await server.CreateClient().GetAsync($"/api/v1/alerts/episodes?since={since}")).ReadJsonAsync();

        episodes.GetArrayLength().Should().Be(0);
    }

    /// <summary>Creates <paramref name="zone"/> and reads <paramref name="first"/> persons in it, then <paramref name="then"/> six minutes later (past the pending time).</summary>
    private static async Task<HttpClient> HoldAsync(ClockedServer server, string zone, double first, double then)
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature(zone)))).EnsureSuccessStatusCode();
        await server.IngestAsync(admin, zone, first);
        server.Time.Now += TimeSpan.FromMinutes(6);
        await server.IngestAsync(admin, zone, then);
        return admin;
    }
}
