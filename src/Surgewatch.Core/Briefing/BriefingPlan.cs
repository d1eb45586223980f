using System.Globalization;

namespace Surgewatch.Core.Briefing;

/// <summary>How a briefing's forecast was made.</summary>
public enum BriefingMethod
{
    /// <summary>The deployed (saved) model, loaded without fitting, with the surge rule saved beside it.</summary>
    Deployed,

    /// <summary>A model fitted on the history, with its upper bound and exceedance calibrated out of sample (<see cref="DayBriefer"/>).</summary>
    Fitted,

    /// <summary>The median of the same weekday-hour over up to four earlier weeks, without an upper bound (the forecast is its own bound).</summary>
    WeeklyProfile,

    /// <summary>No forecast: every figure is missing.</summary>
    None,
}

/// <summary>The model a briefing is asked to use, before the history is known.</summary>
/// <param name="Model">The model's name, or null when none can be used.</param>
/// <param name="Deployed">Whether it is the deployed model (loaded, not fitted).</param>
/// <param name="ModelId">The deployed model's id in the store.</param>
/// <param name="Unavailable">Why the model asked for cannot be used (the briefing falls back and says so), or null.</param>
public sealed record BriefingCandidate(string? Model, bool Deployed, long? ModelId, string? Unavailable)
{
    /// <summary>The deployed model <paramref name="model"/>, saved as <paramref name="id"/>.</summary>
    public static BriefingCandidate DeployedModel(string model, long id) => new(model, true, id, null);

    /// <summary>A model asked for by name, fitted for the briefing.</summary>
    public static BriefingCandidate Named(string model) => new(model, false, null, null);

    /// <summary>No usable model, for <paramref name="reason"/> (such as "no deployed model").</summary>
    public static BriefingCandidate NoModel(string reason) => new(null, false, null, reason);
}

/// <summary>
/// Which path a briefing takes, decided up front from the model asked for and the length of the history, and the
/// fallback it states when it is not the one asked for. The rules, in order:
/// <list type="number">
/// <item>History shorter than <see cref="ProfileDays"/> days: no forecast (<see cref="BriefingMethod.None"/>): not every weekday-hour has been seen.</item>
/// <item>A usable deployed model: it runs as saved (<see cref="BriefingMethod.Deployed"/>).</item>
/// <item>History shorter than <see cref="CalibratedDays"/> days: the weekly profile (<see cref="BriefingMethod.WeeklyProfile"/>), since a fitted model needs one week to fit and one to calibrate its upper bound.</item>
/// <item>Otherwise the model asked for, or <see cref="FallbackModel"/> when none is usable, fitted (<see cref="BriefingMethod.Fitted"/>).</item>
/// </list>
/// </summary>
/// <param name="Method">The path.</param>
/// <param name="Model">The model that forecasts, or null for no forecast.</param>
/// <param name="ModelId">The deployed model's id, for <see cref="BriefingMethod.Deployed"/>.</param>
/// <param name="Fallback">Why this is not the path asked for, or null when it is.</param>
public sealed record BriefingPlan(BriefingMethod Method, string? Model, long? ModelId, string? Fallback)
{
    /// <summary>Days of history the weekly profile needs: one of every weekday.</summary>
    public const int ProfileDays = 7;

    /// <summary>Days of history a fitted model needs: a week to fit on and a week to calibrate its upper bound on.</summary>
    public const int CalibratedDays = 14;

    /// <summary>The model fitted when none is deployed or the one asked for cannot run.</summary>
    public const string FallbackModel = "historical-median-4w";

    /// <summary>The path for <paramref name="candidate"/> on <paramref name="historyDays"/> days of history.</summary>
    public static BriefingPlan Choose(BriefingCandidate candidate, int historyDays)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfNegative(historyDays);
        var why = candidate.Unavailable;
        if (historyDays < ProfileDays)
        {
            return new(BriefingMethod.None, null, null, Join(why, $"history of {Days(historyDays)} is shorter than the {ProfileDays} the weekly profile needs; no forecast"));
        }

        if (candidate is { Deployed: true, Model: { } deployed })
        {
            return new(BriefingMethod.Deployed, deployed, candidate.ModelId, why);
        }

        var model = candidate.Model ?? FallbackModel;
        if (historyDays < CalibratedDays)
        {
            return new(BriefingMethod.WeeklyProfile, FallbackModel, null, Join(
                why, $"history of {Days(historyDays)} is shorter than the {CalibratedDays} {model} needs to fit and calibrate; weekly profile (median of the same weekday-hour over up to 4 weeks) without an upper bound"));
        }

        return new(BriefingMethod.Fitted, model, null, why is null ? null : $"{why}; {model} fitted on {Days(historyDays)}");
    }

    /// <summary>The method as it is written in a report: deployed, fitted, weekly-profile or none.</summary>
    public static string Name(BriefingMethod method) => method switch
    {
        BriefingMethod.Deployed => "deployed",
        BriefingMethod.Fitted => "fitted",
        BriefingMethod.WeeklyProfile => "weekly-profile",
        _ => "none",
    };

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
}
