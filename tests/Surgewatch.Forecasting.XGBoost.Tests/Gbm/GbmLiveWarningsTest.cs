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
        var expected = SurgeReplay.Evaluated(panel, WarningEvaluator.Flags(panel, swept, Options), testStart, panel.Length);
        var rule = SurgeRule.Calibrate(panel, model, testStart, Options);
        var state = model.SaveState(model.Fit(panel, testStart));

        var live = SurgeReplay.Live(panel, rule, fresh => model.Load(state, fresh), testStart, panel.Length);

        expected.Should().NotBeEmpty();
        live.Should().Equal(expected);
    }
}
