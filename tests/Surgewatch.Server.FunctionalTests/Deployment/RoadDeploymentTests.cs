using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Deployment;

/// <summary>
/// The server runs the roads' model and congestion rule beside the counters': a roads model trained on four days of the
/// synthetic Bank Street is deployed, the speeds arrive over HTTP slot by slot, and the weekday morning jam is warned
/// through the alert lifecycle well before it sets in, on the jammed roads only.
/// </summary>
public sealed class RoadDeploymentTests : IDisposable
{
    private static readonly DateOnly Monday = new(2025, 2, 3);
    private static readonly TimeLabel LiveFrom = TimeLabel.FromDate(Monday.AddDays(4)) + TimeSpan.FromHours(5);
    private readonly StoreFolder _store = new();

    public RoadDeploymentTests()
    {
        using (var store = SqliteStore.Open(_store.DatabasePath))
        {
            store.UpsertSensorsAsync(SyntheticRoads.Sensors()).GetAwaiter().GetResult();
            store.UpsertObservationsAsync(History(LiveFrom)).GetAwaiter().GetResult();
        }

        SaveModel(SeriesPanel.FromBatch(History(LiveFrom), SyntheticRoads.Step));
    }

    /// <summary>The corridor's speeds from Monday to <paramref name="end"/>.</summary>
    private static ObservationBatch History(TimeLabel end)
    {
        var history = new ObservationBatch(8 * 1300);
        for (var t = TimeLabel.FromDate(Monday); t < end; t += SyntheticRoads.Step)
        {
            SyntheticRoads.AddReadings(history, t, null);
        }

        return history;
    }

    /// <summary>Trains the profile on <paramref name="panel"/> with its congestion rule and saves it as the roads model.</summary>
    private void SaveModel(SeriesPanel panel)
    {
        var trained = ModelTrainer.Train(panel, null, new TrainingRequest(DayKindMedianModel.ModelName, Subjects: ModelSubjects.Roads), TimeProvider.System);
        trained.Congestion.Should().NotBeNull("four days hold the congestion rule's calibration day");
        using var store = SqliteStore.Open(_store.DatabasePath);
        store.SaveModelAsync(trained.Saved).GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Serve_WeekdayMorningJam_RoadAlertFiresAnHourAheadOnTheJammedRoadsOnly()
    {
        var time = new ManualTime(Instant(LiveFrom));
        using var server = new ClockedServer(time, _store.DatabasePath);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        var roads = server.Services.GetRequiredService<RoadDeployment>();
        await roads.DeployLatestAsync(CancellationToken.None);
        roads.Model!.Subjects.Should().Be(ModelSubjects.Roads);
        server.Services.GetRequiredService<LiveDeployment>().Model.Should().BeNull("the counters have no model of their own");
        var firstFiring = new Dictionary<string, TimeLabel>(StringComparer.Ordinal);
        for (var slot = LiveFrom; slot <= LiveFrom + TimeSpan.FromHours(4); slot += SyntheticRoads.Step)
        {
            time.Now = Instant(slot);
            await roads.IssueDueAsync(CancellationToken.None);
            await server.StepAsync();
            foreach (var alert in await server.Services.GetRequiredService<AlertBook>().ListAsync(true, CancellationToken.None))
            {
                if (alert.RuleId == CongestionMonitor.RuleId && alert.State == "firing")
                {
                    firstFiring.TryAdd(alert.ZoneId, slot);
                }
            }

            (await admin.PostAsync("/api/v1/readings", Bodies.Json(Json(slot)))).EnsureSuccessStatusCode();
        }

        // bank-street-2 is congested (below 60 % of free flow) from about 07:45; warned by 07:05 is 40 minutes ahead.
        firstFiring.Should().ContainKey("bank-street-2");
        firstFiring["bank-street-2"].Should().BeLessThanOrEqualTo(TimeLabel.FromDate(Monday.AddDays(4)) + new TimeSpan(7, 5, 0));
        firstFiring.Keys.Should().OnlyContain(id => id == "bank-street-1" || id == "bank-street-2" || id == "bank-street-3" || id == "bank-street-4",
            "only the western half jams on weekday mornings");

        var listed = (await server.Services.GetRequiredService<AlertBook>().ListAsync(false, CancellationToken.None)).First(a => a.ZoneId == "bank-street-2" && a.RuleId == CongestionMonitor.RuleId);
        listed.SubjectKind.Should().Be("road");
        listed.Unit.Should().Be(RuleLabels.Probability);
        (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(listed.Key)}/ack", Bodies.Json("{\"note\":\"traffic police informed\"}"))).EnsureSuccessStatusCode();
        (await server.AlertAsync(listed.Key))!.Acknowledged.Should().BeTrue();

        // A new roads model (as the server's gbm replaces its first baseline) takes the road alerts over, acknowledged.
        SaveModel(SeriesPanel.FromBatch(History(LiveFrom + TimeSpan.FromHours(4)), SyntheticRoads.Step));
        var first = roads.Model!.Id;
        await roads.DeployLatestAsync(CancellationToken.None);
        roads.Model!.Id.Should().BeGreaterThan(first);
        await roads.IssueDueAsync(CancellationToken.None);
        await server.StepAsync();
        var taken = (await server.AlertAsync(listed.Key))!;
        taken.Acknowledged.Should().BeTrue("an acknowledgement outlives a change of model");
        taken.State.Should().Be(listed.State);

        var outlooks = await (await admin.GetAsync("/api/v1/roads")).ReadJsonAsync();
        outlooks.GetArrayLength().Should().Be(8);
        var road2 = outlooks.EnumerateArray().Single(r => r.GetProperty("sensorId").GetString() == "bank-street-2");
        road2.GetProperty("model").GetString().Should().Be(DayKindMedianModel.ModelName);
        road2.GetProperty("windowMinutes").GetInt32().Should().Be(60);
        road2.GetProperty("freeFlow").GetDouble().Should().BeInRange(55, 70);

        // The day's expected jams from 09:05 on: the evening rush on the middle roads, nothing elsewhere.
        var expected = await (await admin.GetAsync("/api/v1/roads/jams?date=2025-02-07")).ReadJsonAsync();
        expected.GetProperty("model").GetString().Should().Be(DayKindMedianModel.ModelName);
        var jams = expected.GetProperty("jams").EnumerateArray().ToList();
        jams.Select(j => j.GetProperty("sensorId").GetString()).Should().BeEquivalentTo(["bank-street-3", "bank-street-4", "bank-street-5", "bank-street-6"]);
        jams.Should().OnlyContain(j => string.CompareOrdinal(j.GetProperty("from").GetString(), "2025-02-07T17:00") > 0
            && string.CompareOrdinal(j.GetProperty("from").GetString(), "2025-02-07T17:30") < 0 && j.GetProperty("level").GetString() == "congested");
        jams[0].GetProperty("name").GetString().Should().StartWith("Bank Street at");

        var models = await (await admin.GetAsync("/api/v1/models")).ReadJsonAsync();
        models[0].GetProperty("subjects").GetString().Should().Be("roads");
        models[0].GetProperty("deployed").GetBoolean().Should().BeTrue();
        var status = await (await admin.GetAsync("/api/v1/sensors/status")).ReadJsonAsync();
        status.EnumerateArray().Single(s => s.GetProperty("sensorId").GetString() == "bank-street-8").GetProperty("level").GetString().Should().Be("free");
    }

    private static DateTimeOffset Instant(TimeLabel label) => new(label.ToDateTime(), TimeSpan.Zero);

    /// <summary>The speeds of one slot, as the detectors send them when it ends.</summary>
    private static string Json(TimeLabel slot)
    {
        var text = new StringBuilder("[");
        for (var i = 1; i <= 8; i++)
        {
            var speed = SyntheticRoads.Speed(i, slot, null);
            text.Append(i > 1 ? "," : "").Append(CultureInfo.InvariantCulture, $"{{\"sensorId\":\"bank-street-{i}\",\"timestamp\":\"{slot}\",\"value\":{Math.Round(speed, 1)}}}");
        }

        return text.Append(']').ToString();
    }
}
