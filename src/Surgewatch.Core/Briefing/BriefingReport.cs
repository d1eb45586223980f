using System.Globalization;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// A briefing as the API returns it and <c>surgewatch brief --json</c> writes it (both serialize this record with
/// camelCase names): <c>{date, model, modelId, method, fallback, zones:[…]}</c>. Persons are rounded to whole persons,
/// densities to 0.001 persons/m²; a figure that could not be forecast is null, never 0.
/// </summary>
/// <param name="Date">The day, YYYY-MM-DD.</param>
/// <param name="Model">The model that forecast it, or null for no forecast.</param>
/// <param name="ModelId">The deployed model's id in the store, when the deployed model forecast it.</param>
/// <param name="Method">How: <c>deployed</c>, <c>fitted</c>, <c>weekly-profile</c> or <c>none</c>.</param>
/// <param name="Fallback">Why this is not the forecast asked for (no deployed model, too short a history), or null.</param>
/// <param name="Zones">One entry per zone, or per sensor when there are no zones.</param>
public sealed record BriefingReport(string Date, string? Model, long? ModelId, string Method, string? Fallback, IReadOnlyList<BriefingReportZone> Zones)
{
    /// <summary>The report of <paramref name="briefing"/>.</summary>
    public static BriefingReport Of(DayBriefing briefing)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        return new(
            briefing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), briefing.Model, briefing.ModelId, BriefingPlan.Name(briefing.Method),
            briefing.Fallback, [.. briefing.Subjects.Select(BriefingReportZone.Of)]);
    }

    /// <summary>An hour of the day as reports write it, <c>HH:00</c>.</summary>
    public static string Hour(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00");
}

/// <summary>One zone (or sensor) of a <see cref="BriefingReport"/>.</summary>
/// <param name="ZoneId">The zone's id (the sensor's, for a per-sensor briefing).</param>
/// <param name="Name">Its name.</param>
/// <param name="Total">Persons forecast over the day (the sum of the hourly forecasts), or null.</param>
/// <param name="PeakHour">The busiest hour, <c>HH:00</c>, or null.</param>
/// <param name="PeakPersons">Persons forecast at the peak, or null.</param>
/// <param name="PeakDensity">Persons/m² forecast at the peak, or null (a sensor, or no forecast).</param>
/// <param name="PeakLevel">The level the peak reaches: ok, warning, alarm, critical, or no-data.</param>
/// <param name="HoursAtRisk">Hours whose 90% upper forecast reaches the warning level (a sensor's: whose surge probability reaches the day-ahead level).</param>
public sealed record BriefingReportZone(
    string ZoneId, string Name, double? Total, string? PeakHour, double? PeakPersons, double? PeakDensity, string PeakLevel, IReadOnlyList<string> HoursAtRisk)
{
    /// <summary>The entry of <paramref name="subject"/>.</summary>
    public static BriefingReportZone Of(SubjectBriefing subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new(
            subject.Id, subject.Name, Round(subject.Total, 0), subject.PeakHour < 0 ? null : BriefingReport.Hour(subject.PeakHour),
            Round(subject.PeakPersons, 0), Round(subject.PeakDensity, 3), ZoneLevelLadder.Name(subject.PeakLevel),
            [.. subject.HoursAtRisk.Select(BriefingReport.Hour)]);
    }

    private static double? Round(double value, int digits) => double.IsNaN(value) ? null : Math.Round(value, digits);
}
