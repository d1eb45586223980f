using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Forecasting.Retraining;
using Surgewatch.Core.Series;
using Surgewatch.Models.Catalog;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// Trains in the background what the server deploys. On a store without a saved model but with at least
/// <see cref="MinimumHistory"/> of counter readings, it saves the <c>historical-median-4w</c> baseline at once (so
/// forecasts and, with enough history, surge warnings start within seconds) and then trains the best model for the
/// data (<see cref="ModelCatalogs.DefaultFor"/>: gbm when libxgboost0 is installed), which replaces it when ready.
/// Counters reporting every minute are trained and forecast on quarter-hours (<see cref="ForecastGrid"/>).
/// With <c>Surgewatch:Retrain</c> (<c>serve --retrain 24h|daily@HH</c>) it trains the best model again on that
/// schedule, on the server clock. Training is <see cref="ModelTrainer"/>, as <c>surgewatch train</c> does it.
/// </summary>
internal sealed class TrainingService(
    IObservationStore observations, IModelStore models, TimeProvider clock, IOptions<ServerOptions> options, HistoryGate history, ILogger<TrainingService> logger) : BackgroundService
{
    /// <summary>The least history a first model is trained on.</summary>
    public static readonly TimeSpan MinimumHistory = TimeSpan.FromDays(14);

    /// <summary>The most history a model is trained on: two years hold every seasonal pattern the models use, and bound the memory a large store needs.</summary>
    public static readonly TimeSpan MaximumHistory = TimeSpan.FromDays(730);

    private const string Baseline = "historical-median-4w";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);
    private readonly RetrainPolicy? _policy = options.Value.RetrainPolicy();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TrainWhenMissing && _policy is null)
        {
            return;
        }

        await history.Stored.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TrainIfDueAsync(stoppingToken);
                await Task.Delay(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ModelSetupException or ArgumentException or InvalidOperationException)
            {
                logger.LogWarning(e, "Training failed; the deployed model stays. Trying again in an hour");
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            }
        }
    }

    private async Task TrainIfDueAsync(CancellationToken cancellationToken)
    {
        var latest = await models.LatestModelAsync(null, cancellationToken);
        var missing = latest is null && options.Value.TrainWhenMissing;
        var scheduled = _policy is not null && latest is not null && RetrainSchedule.IsDue(_policy, latest.Created, clock.GetUtcNow());
        if (!missing && !scheduled)
        {
            return;
        }

        if (await LoadAsync(cancellationToken) is not { } counters)
        {
            return;
        }

        var best = ModelCatalogs.DefaultFor(counters.Panel.Step).Model;
        if (missing && best != Baseline)
        {
            await TrainAsync(counters, Baseline, cancellationToken);
        }

        await TrainAsync(counters, best, cancellationToken);
    }

    private async Task<CounterPanel?> LoadAsync(CancellationToken cancellationToken)
    {
        // A cheap look first, so that a store with too little history is not read whole at every poll.
        var counting = StorePanels.Counters(await observations.ListSensorsAsync(cancellationToken));
        if (counting.Count == 0
            || await observations.CountObservationsAsync(cancellationToken) < MinimumHistory / counting[0].Step)
        {
            return null;
        }

        var now = TimeLabel.FromInstant(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.Value.SiteZone));
        var counters = await StorePanels.LoadAsync(observations, now - MaximumHistory, cancellationToken);
        if (counters is null || counters.Panel.Step * counters.Panel.Length < MinimumHistory)
        {
            return null;
        }

        // Train on what has happened by now on the server clock (a replay holds readings of its future too).
        var end = (int)Math.Clamp(counters.Panel.SlotOf(now), 0, counters.Panel.Length);
        return end * counters.Panel.Step < MinimumHistory ? null : counters with { Panel = Truncate(counters.Panel, end) };
    }

    private async Task TrainAsync(CounterPanel counters, string model, CancellationToken cancellationToken)
    {
        logger.LogInformation("Training {Model} on {Counters} counters ({Slots} slots) in the background", model, counters.Panel.Sensors.Count, counters.Panel.Length);
        var trained = await Task.Run(() => ModelTrainer.Train(counters.Panel, null, new TrainingRequest(model), clock, cancellationToken), cancellationToken);
        var id = await models.SaveModelAsync(trained.Saved, cancellationToken);
        logger.LogInformation("Trained {Model} in {Seconds:0.0} s; saved as model {ModelId}; held out: {Validation}", model, trained.FitTime.TotalSeconds, id, trained.Validation);
    }

    private static SeriesPanel Truncate(SeriesPanel panel, int length)
    {
        if (length >= panel.Length)
        {
            return panel;
        }

        var values = new double[panel.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = panel.Values(s)[..length].ToArray();
        }

        return new SeriesPanel(panel.Start, panel.Step, panel.Sensors, values);
    }
}
