using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

/// <summary>
/// The live surge monitor running a saved gbm model, slot by slot as readings arrive, warns exactly as the warning
/// evaluation scores it: no feature may see a reading from after its origin, or the two would differ.
/// </summary>
[Collection(GbmFits.Collection)]
public class GbmLiveWarningsTest
{
    private static readonly GbmOptions Quick = new() { Rounds = 30, MaxTrainingRows = 10_000 };
    private static readonly WarningEvaluationOptions Options = new(CalibrationWeeks: 4, MinimumDays: 60, LiveProbability: 0.1, DayAheadProbability: 0.05, WithdrawProbability: 0.05);

    [RequiresXGBoostFact]
    public void Issue_SavedGbmReplayedSlotBySlot_WarnsTheSameEpisodesAsTheEvaluation()
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(6, new DateOnly(2025, 1, 6), 130, TimeSpan.FromHours(1), Seed: 5));
        var panel = SeriesPanel.FromBatch(city.GenerateObservations(), TimeSpan.FromHours(1));
        var testStart = panel.FirstSlotAtOrAfter(TimeLabel.FromDate(new DateOnly(2025, 1, 6).AddDays(100)));
        var model = new GbmModel(options: Quick);

        var swept = new WarningEvaluator(TimeProvider.System).Sweep(panel, model, testStart, panel.Length, Options, null, CancellationToken.None);
        var flags = WarningEvaluator.Flags(panel, swept, Options);
        var expected = new List<WarningEpisode>();
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            foreach (var (start, end, issue) in WarningScorer.Episodes(panel, s, testStart, panel.Length, flags))
            {
                expected.Add(new WarningEpisode(panel.Sensors[s], panel.LabelAt(start), panel.LabelAt(end), panel.LabelAt(issue)));
            }
        }

        var rule = SurgeRule.Calibrate(panel, model, testStart, Options);
        var live = new LivePanel(panel.Sensors, panel.Step, panel.Start, panel.Length + 48);
        var forecaster = model.Load(model.SaveState(model.Fit(panel, testStart)), live.Panel);
        var monitor = new SurgeMonitor(rule) { SettleFrom = panel.LabelAt(testStart) };
        for (var slot = 0; slot <= panel.Length; slot++)
        {
            if (slot > 0)
            {
                for (var s = 0; s < panel.Sensors.Count; s++)
                {
                    var value = panel.Values(s)[slot - 1];
                    if (!double.IsNaN(value))
                    {
                        live.Put(panel.Sensors[s], panel.LabelAt(slot - 1), value);
                    }
                }
            }

            if (slot >= testStart - 24)
            {
                monitor.Issue(live.Panel, slot, forecaster);
            }
        }

        expected.Should().NotBeEmpty();
        monitor.Episodes().OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From)
            .Should().Equal(expected.OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From));
    }
}
