using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// Which model to use when none is named: the learned model (<c>gbm</c>) when its native learner is available, else
/// the best baseline for the grid's step, measured in docs/benchmarks.md: <c>last-value</c> for sub-hourly road data
/// (Los-loop: it beats seasonal-naive-day at every horizon up to an hour) and <c>historical-median-4w</c> for hourly
/// or coarser counts (Melbourne day-ahead WAPE 0.180 against 0.197 for seasonal-naive-week).
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Reason">Why it was chosen, for the user.</param>
public sealed record DefaultModelChoice(string Model, string Reason)
{
    /// <summary>The name of the learned model.</summary>
    public const string LearnedModel = "gbm";

    /// <summary>Chooses for a grid of <paramref name="step"/>, with or without the learner.</summary>
    public static DefaultModelChoice For(TimeSpan step, bool learnerAvailable)
    {
        SlotCalendar.StepSeconds(step);
        if (learnerAvailable)
        {
            return new(LearnedModel, "the best model measured (gbm)");
        }

        return step < TimeSpan.FromHours(1)
            ? new(LastValueModel.ModelName, $"the best baseline for a {step} step; gbm needs libxgboost0 (apt-get install libxgboost0)")
            : new("historical-median-4w", $"the best baseline for a {step} step; gbm needs libxgboost0 (apt-get install libxgboost0)");
    }
}
