using System.Globalization;
using System.Net;
using System.Text;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.ZoneSeries;

public sealed class ZoneSeriesAndBriefingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    [Fact]
    public async Task GetSeries_HistoryOfThreeWeeks_ObservedDensityAndForecastBandsOrdered()
    {
        await SeedAsync("series-zone");

        var response = await server.CreateClient().GetAsync("/api/v1/zones/series-zone/series?from=2024-03-21T10:00:00&to=2024-03-21T11:00:00");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var series = await response.ReadJsonAsync();
        series.GetProperty("step").GetInt32().Should().Be(300);
        var observed = series.GetProperty("observed");
        observed.GetArrayLength().Should().Be(12);
        observed[0].GetProperty("density").GetDouble().Should().BeApproximately(Persons(10) / 100, 1e-6);
        series.GetProperty("levels").GetProperty("densityWarning").GetDouble().Should().Be(2);
    }

    [Fact]
    public async Task GetSeries_UnknownZone_Returns404()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/zones/none/series");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetBriefing_WeeklyHistory_PeakHourAndHoursAtRisk()
    {
        await SeedAsync("brief-zone");

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2024-03-22")).ReadJsonAsync();

        briefing.GetProperty("date").GetString().Should().Be("2024-03-22");
        var zone = briefing.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "brief-zone");
        zone.GetProperty("peakHour").GetString().Should().Be("18:00");
        zone.GetProperty("peakLevel").GetString().Should().Be("warning");
        zone.GetProperty("hoursAtRisk").EnumerateArray().Select(h => h.GetString()).Should().Equal("17:00", "18:00", "19:00");
    }

    [Fact]
    public async Task GetBriefing_ZonesAndACounterOutsideThem_BriefsBothWithTheirKind()
    {
        await SeedAsync("kind-zone");
        await IngestHourlyAsync("kind-gate");

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2024-03-22")).ReadJsonAsync();

        var rows = briefing.GetProperty("zones").EnumerateArray().ToList();
        rows.Single(z => z.GetProperty("zoneId").GetString() == "kind-zone").GetProperty("kind").GetString().Should().Be("zone");
        var gate = rows.Single(z => z.GetProperty("zoneId").GetString() == "kind-gate");
        gate.GetProperty("kind").GetString().Should().Be("counter");
        gate.GetProperty("peakHour").GetString().Should().Be("18:00");
    }

    [Fact]
    public async Task GetBriefing_NamedModel_FitsItAndStatesNoFallback()
    {
        await SeedAsync("named-zone");

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2024-03-22&model=historical-median-4w")).ReadJsonAsync();

        briefing.GetProperty("model").GetString().Should().Be("historical-median-4w");
        briefing.GetProperty("method").GetString().Should().Be("fitted");
        briefing.GetProperty("fallback").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var zone = briefing.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "named-zone");
        zone.GetProperty("hoursAtRisk").EnumerateArray().Select(h => h.GetString()).Should().Equal("17:00", "18:00", "19:00");
    }

    [Fact]
    public async Task GetBriefing_ThreeDaysOfHistory_NoForecastWithTheReasonStated()
    {
        await SeedAsync("short-zone");

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2024-03-04")).ReadJsonAsync();

        briefing.GetProperty("method").GetString().Should().Be("none");
        briefing.GetProperty("fallback").GetString().Should().Contain("history of 3 days is shorter than the 7 the weekly profile needs");
        var zone = briefing.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "short-zone");
        zone.GetProperty("peakPersons").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        zone.GetProperty("peakLevel").GetString().Should().Be("no-data");
    }

    [Fact]
    public async Task GetBriefing_UnknownModel_Returns400()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/briefing?model=crystal-ball");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetBriefing_ZoneWithoutReadings_GivesNullFiguresNotZeros()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("silent-zone")))).EnsureSuccessStatusCode();

        var briefing = await (await server.CreateClient().GetAsync("/api/v1/briefing?date=2024-03-22")).ReadJsonAsync();

        var zone = briefing.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "silent-zone");
        foreach (var field in (string[])["total", "peakHour", "peakPersons", "peakDensity"])
        {
            zone.GetProperty(field).ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, field);
        }

        zone.GetProperty("peakLevel").GetString().Should().Be("no-data");
    }

    [Fact]
    public async Task GetBriefing_BadDate_Returns400()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/briefing?date=tomorrow");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenZones_HourlyCsv_PlainCsvWithOffsetsAndTheLicenceInHeaders()
    {
        await SeedAsync("open-zone");

        var response = await server.CreateClient().GetAsync("/api/v1/open/zones/hourly?from=2024-03-21T17:00:00&to=2024-03-21T18:00:00&format=csv");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Link").Should().Contain(l => l.Contains("rel=\"license\"") && l.Contains("title=\"CC-BY-4.0\""))
            .And.Contain(l => l.Contains("</api/v1/open/licence>; rel=\"describedby\""));
        text.Should().StartWith("zone_id,t,mean_persons").And.NotContain("#");
        text.Should().Contain("open-zone,2024-03-21T17:00:00+00:00,");
    }

    [Fact]
    public async Task OpenSensor_DailyJson_SumsReadings()
    {
        await SeedAsync("open-sensor");

        var reply = await (await server.CreateClient().GetAsync("/api/v1/open/sensors/open-sensor-occ/daily?from=2024-03-01&to=2024-03-01")).ReadJsonAsync();

        reply.GetProperty("licence").GetString().Should().Be("CC-BY-4.0");
        var row = reply.GetProperty("rows")[0];
        row.GetProperty("n").GetInt32().Should().Be(24);
        row.GetProperty("max").GetDouble().Should().Be(Persons(18));
    }

    [Fact]
    public async Task OpenGeoJson_SensorsAndZones_CarryLicence()
    {
        var sensors = await (await server.CreateClient().GetAsync("/api/v1/open/sensors.geojson")).ReadJsonAsync();
        var zones = await (await server.CreateClient().GetAsync("/api/v1/open/zones.geojson")).ReadJsonAsync();

        sensors.GetProperty("type").GetString().Should().Be("FeatureCollection");
        sensors.GetProperty("licence").GetString().Should().Be("CC-BY-4.0");
        zones.GetProperty("attribution").GetString().Should().NotBeEmpty();
    }

    // Hourly persons of a 100 m² zone: 250 (2.5 persons/m², warning) from 17:00 to 19:00, 300 at 18:00, 20 otherwise.
    private static double Persons(int hour) => hour == 18 ? 300 : hour is 17 or 19 ? 250 : 20;

    private async Task SeedAsync(string zone)
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature(zone)))).EnsureSuccessStatusCode();
        await IngestHourlyAsync($"{zone}-occ");
    }

    /// <summary>Three weeks of hourly readings of <paramref name="sensor"/> from <see cref="Day"/>, <see cref="Persons"/> each hour.</summary>
    private async Task IngestHourlyAsync(string sensor)
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        var csv = new StringBuilder("sensor_id,timestamp,value\n");
        for (var d = 0; d < 21; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{sensor},{Day.AddDays(d):yyyy-MM-dd}T{h:00}:00:00,{Persons(h)}\n");
            }
        }

        (await admin.PostAsync("/api/v1/readings", Bodies.Csv(csv.ToString()))).EnsureSuccessStatusCode();
    }
}
