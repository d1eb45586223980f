using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Server.Clock;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Demo;

/// <summary>
/// A server replaying a small data folder (two hourly counters, 2014-03-01 to 03-05, Melbourne labels, a README
/// crediting "Example City" under CC BY 4.0) with three days of history, at 3600× on a real clock the test moves.
/// </summary>
public sealed class ReplayServerFixture : ServerFixture
{
    public const double Speed = 3600;

    private readonly string _data;

    public ReplayServerFixture()
        : this(null, null)
    {
    }

    /// <summary>A server over <paramref name="databasePath"/> replaying <paramref name="data"/> (a restart), or over a fresh store and folder when null.</summary>
    private ReplayServerFixture(string? databasePath, string? data)
        : base(databasePath)
    {
        _data = data ?? Directory.CreateTempSubdirectory("surgewatch-replay-").FullName;
        if (data is not null)
        {
            return;
        }

        var counts = new StringBuilder("timestamp,sensor_id,count\n");
        for (var hour = 0; hour < 5 * 24; hour++)
        {
            var at = new DateTime(2014, 3, 1).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            counts.Append(CultureInfo.InvariantCulture, $"{at},1,{100 + hour}\n{at},2,{200 + hour}\n");
        }

        File.WriteAllText(Path.Combine(_data, "counts.csv"), counts.ToString());
        File.WriteAllText(Path.Combine(_data, "sensors.csv"), "sensor_id,name,latitude,longitude\n1,North,-37.81,144.96\n2,South,-37.82,144.97\n");
        File.WriteAllText(Path.Combine(_data, "README.md"), "# Counts\nPublished under CC BY 4.0 (attribution: \"Example City\").\n");

        // A zone over counter 1 is stored before the server starts, so the monitor knows it from its first step.
        using var store = OpenStore();
        store.UpsertZonesAsync(Ingestion.GeoJson.ZonesGeoJson.Parse(System.Text.Encoding.UTF8.GetBytes(Zone), "zone")).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A server started again on the store and the folder of <paramref name="stopped"/> (disposed with
    /// <see cref="ServerFixture.KeepFiles"/> set, so both were kept); it removes them when disposed.
    /// </summary>
    public static ReplayServerFixture Restart(ReplayServerFixture stopped)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        return new ReplayServerFixture(stopped.DatabasePath, stopped._data);
    }

    /// <summary>A zone 5 m wide over counter 1 alone.</summary>
    public const string Zone = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},
         "properties":{"id":"north","widthM":5,"sources":[{"sensorId":"1","role":"line-total"}]}}
        """;

    /// <summary>The real time under the server clock: moving it by a second moves the replay by an hour.</summary>
    public ManualTime Real { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Mode)}"] = "Replay",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.ReplayFolder)}"] = _data,
        [$"{ServerOptions.Section}:{nameof(ServerOptions.HistoryDays)}"] = "3",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.SiteZone)}"] = "Australia/Melbourne",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.TrainWhenMissing)}"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton(new ServerClock(Real, ClockMode.Replay, null, Speed)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // The factory disposes twice (DisposeAsync, then Dispose): the folder is only there the first time.
        if (!KeepFiles && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

public sealed class ReplayModeTests(ReplayServerFixture server) : IClassFixture<ReplayServerFixture>
{
    /// <summary>Polls 50 ms apart: a minute at most, for a feeder on a busy machine.</summary>
    private const int Polls = 1200;

    [Fact]
    public async Task Clock_AfterTheHistory_StandsAtItsEndInSiteTime()
    {
        var clock = await HistoryStoredAsync();

        clock.GetProperty("mode").GetString().Should().Be("replay");
        clock.GetProperty("siteZone").GetString().Should().Be("Australia/Melbourne");
        clock.GetProperty("utcOffset").GetString().Should().Be("+11:00");
        clock.GetProperty("now").GetString().Should().StartWith("2014-03-0").And.EndWith("+11:00");
        LabelOf(clock.GetProperty("now").GetString()!).Should().BeOnOrAfter(new DateTime(2014, 3, 4), "three days of history from 2014-03-01");
    }

    [Fact]
    public async Task Readings_WhileReplaying_NoneStoredBeforeItsIntervalEnds()
    {
        await HistoryStoredAsync();

        var readings = await (await server.CreateClient().GetAsync("/api/v1/readings?sensor=1&from=2014-03-01T00:00:00")).ReadJsonAsync();
        var now = LabelOf((await ClockAsync()).GetProperty("now").GetString()!);

        var labels = readings.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("timestamp").GetString()!).ToList();
        labels.Should().NotBeEmpty().And.OnlyContain(t => t.EndsWith("+11:00", StringComparison.Ordinal), "every time in a reply carries its offset");
        labels.Select(LabelOf).Should().OnlyContain(t => t.AddHours(1) <= now, "an hourly count is sent when its hour has ended");
    }

    [Fact]
    public async Task Replay_FiftyMinutesIntoAnHour_HasTheLastHourButNotThisOne()
    {
        var now = LabelOf((await HistoryStoredAsync()).GetProperty("now").GetString()!);
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0);
        var target = hour.AddHours(1).AddMinutes(50);

        server.Real.Now += (target.AddSeconds(30) - now) / ReplayServerFixture.Speed;
        var released = hour.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var labels = await WaitForAsync(released);

        LabelOf((await ClockAsync()).GetProperty("now").GetString()!).Should().BeOnOrAfter(target).And.BeBefore(target.AddMinutes(10));
        labels.Should().NotContain(l => l.StartsWith(hour.AddHours(1).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "at :50 the count of the hour under way is not sent yet (the poll that released the hour before saw it and held it back)");
    }

    [Fact]
    public async Task Monitor_ZoneKnownBeforeTheHistory_StepsOnTheReplayClockWithTheCountersFlow()
    {
        await HistoryStoredAsync();

        for (var i = 0; i < Polls; i++)
        {
            var status = (await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync()).EnumerateArray().Single();
            if (status.GetProperty("at").GetString()!.StartsWith("2014", StringComparison.Ordinal) && status.GetProperty("flow").ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                // The history ends with the 23:00 count of 2014-03-03: 100 + 71 hours on 5 m, per minute.
                status.GetProperty("flow").GetDouble().Should().BeInRange(170.0 / 5 / 60, 300.0 / 5 / 60);
                var alerts = await (await server.CreateClient().GetAsync("/api/v1/alerts")).ReadJsonAsync();
                alerts.EnumerateArray().Should().NotContain(a => a.GetProperty("since").GetString()!.StartsWith("2030", StringComparison.Ordinal),
                    "the monitor waits for the replay clock: a step on the real clock before it would date alerts in the present");
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The zone's status never reached the replay's time: the monitor is stuck on a step before the replay clock.");
    }

    [Fact]
    public async Task OpenData_ReplayFolderReadme_NamesItsLicenceAndAttribution()
    {
        await HistoryStoredAsync();

        var licence = await (await server.CreateClient().GetAsync("/api/v1/open/licence")).ReadJsonAsync();
        var geo = await (await server.CreateClient().GetAsync("/api/v1/open/sensors.geojson")).ReadJsonAsync();

        licence.GetProperty("licence").GetString().Should().Be("CC-BY-4.0");
        licence.GetProperty("licenceUrl").GetString().Should().Be("https://creativecommons.org/licenses/by/4.0/");
        licence.GetProperty("attribution").GetString().Should().Be("Example City");
        geo.GetProperty("attribution").GetString().Should().Be("Example City");
    }

    [Fact]
    public async Task OpenDataCsv_Sensor_HasNoPreambleAndTimesWithOffset()
    {
        await HistoryStoredAsync();

        var response = await server.CreateClient().GetAsync("/api/v1/open/sensors/1/hourly?format=csv&from=2014-03-01T00:00:00&to=2014-03-02T00:00:00");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().Be("sensor_id,t,n,sum,mean,min,max");
        lines.Should().NotContain(l => l.StartsWith('#'));
        lines[1].Should().StartWith("1,2014-03-01T00:00:00+11:00,1,100,");
        response.Headers.GetValues("Link").Should().Contain(l => l.Contains("rel=\"license\"", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("/api/v1/open/licence>; rel=\"describedby\"", StringComparison.Ordinal));
    }

    private static DateTime LabelOf(string time) => DateTime.ParseExact(time[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<System.Text.Json.JsonElement> ClockAsync() => await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync();

    /// <summary>The clock once the feeder has stored the history and moved the clock back to its end (from 2030).</summary>
    private async Task<System.Text.Json.JsonElement> HistoryStoredAsync()
    {
        for (var i = 0; i < Polls; i++)
        {
            var clock = await ClockAsync();
            if (clock.GetProperty("now").GetString()!.StartsWith("2014", StringComparison.Ordinal))
            {
                return clock;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The replay feeder did not store its history within a minute.");
    }

    private async Task<List<string>> WaitForAsync(string label)
    {
        for (var i = 0; i < Polls; i++)
        {
            var readings = await (await server.CreateClient().GetAsync($"/api/v1/readings?sensor=1&from={label}")).ReadJsonAsync();
            var labels = readings.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("timestamp").GetString()!).ToList();
            if (labels.Any(l => l.StartsWith(label, StringComparison.Ordinal)))
            {
                return labels;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The replay did not release the reading of {label}.");
    }
}
