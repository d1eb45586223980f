using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Deployment;

/// <summary>
/// The server runs the model and the surge rule that were measured: a model trained before a test period is deployed,
/// the counters' readings arrive over HTTP slot by slot, and the warnings the server raises are the warning
/// evaluation's, episode for episode.
/// </summary>
public sealed class LiveDeploymentTests : IDisposable
{
    private const int TestDays = 12;
    private static readonly DateOnly First = new(2025, 1, 6);
    private static readonly WarningEvaluationOptions Rule = new(CalibrationWeeks: 4, MinimumDays: 60, LiveProbability: 0.1, DayAheadProbability: 0.05, WithdrawProbability: 0.05);
    private readonly SeriesPanel _panel;
    private readonly int _testStart;
    private readonly StoreFolder _store = new();

    public LiveDeploymentTests()
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(6, First, 100 + TestDays, TimeSpan.FromHours(1), Seed: 3));
        _panel = SeriesPanel.FromBatch(city.GenerateObservations(), TimeSpan.FromHours(1));
        _testStart = _panel.FirstSlotAtOrAfter(TimeLabel.FromDate(First.AddDays(100)));
        using var store = SqliteStore.Open(DatabasePath);
        store.UpsertSensorsAsync(city.Sensors).GetAwaiter().GetResult();
        store.UpsertObservationsAsync(StoreFolder.Rows(_panel, 0, _testStart)).GetAwaiter().GetResult();
        var trained = ModelTrainer.Train(Truncated(_panel, _testStart), null, new TrainingRequest("historical-median-4w", Rule: Rule), TimeProvider.System);
        store.SaveModelAsync(trained.Saved).GetAwaiter().GetResult();
    }

    private string DatabasePath => _store.DatabasePath;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Serve_ReadingsArrivingSlotBySlot_WarnsTheEvaluatedEpisodesAndShowsTheDeployedModel()
    {
        var time = new ManualTime(Instant(_testStart));
        using var server = new ClockedServer(time, DatabasePath);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        var deployment = server.Services.GetRequiredService<LiveDeployment>();
        await deployment.DeployLatestAsync(CancellationToken.None);

        for (var slot = _testStart; slot < _panel.Length; slot++)
        {
            await StepAsync(server, admin, time, slot);
        }

        time.Now = Instant(_panel.Length);
        await deployment.IssueDueAsync(CancellationToken.None);

        var settled = TimeLabel.FromDate(First.AddDays(101));
        var live = deployment.Episodes().Where(e => e.From >= settled).OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From).ToList();
        var evaluated = Evaluated().Where(e => e.From >= settled).ToList();
        evaluated.Should().NotBeEmpty();
        live.Should().Equal(evaluated);

        var alerts = await server.Services.GetRequiredService<AlertBook>().ListAsync(false, CancellationToken.None);
        alerts.Should().Contain(a => a.RuleId == SurgeMonitor.RuleId && a.SubjectKind == "counter");
        alerts.Where(a => a.RuleId == SurgeMonitor.RuleId).Should().OnlyContain(a => a.Unit == "probability" && (a.Value == null || (a.Value >= 0 && a.Value <= 1)),
            "a counter alert shows its surge probability, not its lifecycle's 1-while-warned sample");
        var models = (await (await admin.GetAsync("/api/v1/models")).ReadJsonAsync()).EnumerateArray().ToList();
        models.Should().ContainSingle().Which.GetProperty("deployed").GetBoolean().Should().BeTrue();
        models[0].GetProperty("name").GetString().Should().Be("historical-median-4w");
        models[0].GetProperty("validation").GetProperty("wapeNextStep").GetDouble().Should().BeInRange(0, 1);
        var forecast = await (await admin.GetAsync("/api/v1/forecasts?sensor=syn-001")).ReadJsonAsync();
        forecast.GetProperty("model").GetString().Should().Be("historical-median-4w");
        forecast.GetProperty("points")[0].GetProperty("intervals").GetArrayLength().Should().Be(2);
        var counters = await admin.GetAsync("/api/v1/counters");
        counters.StatusCode.Should().Be(HttpStatusCode.OK);
        (await counters.ReadJsonAsync()).GetArrayLength().Should().Be(6);
    }

    [Fact]
    public async Task Serve_RestartedWhileACounterAlertIsAcknowledged_ResumesTheAlertTheModelAndTheEpisodes()
    {
        var time = new ManualTime(Instant(_testStart));
        string? key = null;
        var slot = _testStart;
        long modelId;
        using (var first = new ClockedServer(time, DatabasePath) { KeepFiles = true })
        {
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            var deployment = first.Services.GetRequiredService<LiveDeployment>();
            await deployment.DeployLatestAsync(CancellationToken.None);
            modelId = deployment.Model!.Id;
            for (; slot < _panel.Length && key is null; slot++)
            {
                await StepAsync(first, admin, time, slot);
                var firing = (await first.Services.GetRequiredService<AlertBook>().ListAsync(true, CancellationToken.None))
                    .FirstOrDefault(a => a.RuleId == SurgeMonitor.RuleId && a.State == "firing");
                if (firing is not null && slot > _testStart + 48)
                {
                    key = firing.Key;
                    (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(key)}/ack", Bodies.Json("{\"note\":\"stewards at the gate\"}"))).EnsureSuccessStatusCode();
                }
            }
        }

        key.Should().NotBeNull("a counter alert fires in the test period");
        using var second = new ClockedServer(time, DatabasePath);
        var restarted = second.Services.GetRequiredService<LiveDeployment>();
        await restarted.DeployLatestAsync(CancellationToken.None);
        await restarted.IssueDueAsync(CancellationToken.None);
        await second.StepAsync();

        restarted.Model!.Id.Should().Be(modelId);
        var resumed = await second.AlertAsync(key!);
        resumed.Should().NotBeNull();
        resumed!.Acknowledged.Should().BeTrue("the acknowledgement survives the restart");
        resumed.State.Should().Be("firing");

        var restartedAt = _panel.LabelAt(slot);
        var admin2 = second.ClientWithKey(ServerFixture.AdminKey);
        for (; slot < _panel.Length; slot++)
        {
            await StepAsync(second, admin2, time, slot);
        }

        time.Now = Instant(_panel.Length);
        await restarted.IssueDueAsync(CancellationToken.None);
        var live = restarted.Episodes().Where(e => e.From > restartedAt).OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From).ToList();
        live.Should().Equal(Evaluated().Where(e => e.From > restartedAt));
    }

    /// <summary>The slot begins: the server issues it and steps its monitors; when it ends, its readings arrive.</summary>
    private async Task StepAsync(ClockedServer server, HttpClient admin, ManualTime time, int slot)
    {
        time.Now = Instant(slot);
        await server.Services.GetRequiredService<LiveDeployment>().IssueDueAsync(CancellationToken.None);
        await server.StepAsync();
        (await admin.PostAsync("/api/v1/readings", Bodies.Json(Json(slot)))).EnsureSuccessStatusCode();
    }

    private List<WarningEpisode> Evaluated()
    {
        var model = new HistoricalMedianModel(4);
        var swept = new WarningEvaluator(TimeProvider.System).Sweep(_panel, model, _testStart, _panel.Length, Rule, null, CancellationToken.None);
        var flags = WarningEvaluator.Flags(_panel, swept, Rule);
        var episodes = new List<WarningEpisode>();
        for (var s = 0; s < _panel.Sensors.Count; s++)
        {
            foreach (var (start, end, issue) in WarningScorer.Episodes(_panel, s, _testStart, _panel.Length, flags))
            {
                episodes.Add(new WarningEpisode(_panel.Sensors[s], _panel.LabelAt(start), _panel.LabelAt(end), _panel.LabelAt(issue)));
            }
        }

        return [.. episodes.OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From)];
    }

    private DateTimeOffset Instant(int slot) => new(_panel.LabelAt(slot).ToDateTime(), TimeSpan.Zero);


    /// <summary>The readings of one slot, as the counters send them when it ends.</summary>
    private string Json(int slot)
    {
        var text = new StringBuilder("[");
        for (var s = 0; s < _panel.Sensors.Count; s++)
        {
            var value = _panel.Values(s)[slot];
            if (!double.IsNaN(value))
            {
                text.Append(text.Length > 1 ? "," : "").Append(CultureInfo.InvariantCulture, $"{{\"sensorId\":\"{_panel.Sensors[s]}\",\"timestamp\":\"{_panel.LabelAt(slot)}\",\"value\":{value}}}");
            }
        }

        return text.Append(']').ToString();
    }

    private static SeriesPanel Truncated(SeriesPanel panel, int length)
    {
        var values = new double[panel.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = panel.Values(s)[..length].ToArray();
        }

        return new SeriesPanel(panel.Start, panel.Step, panel.Sensors, values);
    }
}
