using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Briefing;

/// <summary>The day ahead for one zone or one counter.</summary>
/// <param name="Id">The zone or sensor id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Total">The day's forecast total of persons counted (the sum of the hourly forecasts).</param>
/// <param name="PeakHour">The hour (0–23) of the highest forecast; -1 when nothing could be forecast.</param>
/// <param name="PeakPersons">The forecast at the peak hour, in persons.</param>
/// <param name="PeakDensity">Persons/m² at the peak hour for a zone; NaN for a sensor or a zone without area.</param>
/// <param name="PeakLevel">The level the peak forecast reaches (for a sensor: Warning at or above its surge threshold, else Ok).</param>
/// <param name="HoursAtRisk">Hours (0–23) whose 90% upper forecast reaches the warning level (a zone's density warning, a sensor's surge threshold).</param>
/// <param name="Hours">Each hour's point forecast and upper bound, in persons.</param>
/// <param name="Kind">A zone or a counter.</param>
public sealed record SubjectBriefing(
    string Id,
    string Name,
    double Total,
    int PeakHour,
    double PeakPersons,
    double PeakDensity,
    ZoneLevel PeakLevel,
    IReadOnlyList<int> HoursAtRisk,
    IReadOnlyList<HourForecast> Hours,
    BriefingSubjectKind Kind = BriefingSubjectKind.Zone);

/// <summary>One hour of a briefing.</summary>
/// <param name="Hour">0–23.</param>
/// <param name="Mean">Point forecast, persons.</param>
/// <param name="Upper90">Upper bound of the 90% interval, persons.</param>
public readonly record struct HourForecast(int Hour, double Mean, double Upper90);

/// <summary>A day-ahead briefing.</summary>
/// <param name="Date">The day briefed.</param>
/// <param name="Model">The forecast model used, or null when there is no forecast.</param>
/// <param name="Subjects">One entry per zone, then one per counter briefed on its own.</param>
/// <param name="Method">How the forecast was made.</param>
/// <param name="ModelId">The deployed model's id in the store, for <see cref="BriefingMethod.Deployed"/>.</param>
/// <param name="Fallback">Why the briefing is not what was asked for (see <see cref="BriefingPlan"/>), or null.</param>
public sealed record DayBriefing(
    DateOnly Date, string? Model, IReadOnlyList<SubjectBriefing> Subjects, BriefingMethod Method = BriefingMethod.Fitted, long? ModelId = null, string? Fallback = null);
