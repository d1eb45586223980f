using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// A briefing as the API returns it and <c>surgewatch brief --json</c> writes it (both serialize this record with
/// camelCase names): <c>{date, model, modelId, method, fallback, zones:[…], asOf, roads}</c>. Persons are rounded to whole persons,
/// densities to 0.001 persons/m²; a figure that could not be forecast is null, never 0.
/// </summary>
/// <param name="Date">The day, YYYY-MM-DD.</param>
/// <param name="Model">The model that forecast it, or null for no forecast.</param>
/// <param name="ModelId">The deployed model's id in the store, when the deployed model forecast it.</param>
/// <param name="Method">How: <c>deployed</c>, <c>fitted</c>, <c>weekly-profile</c> or <c>none</c>.</param>
/// <param name="Fallback">Why this is not the forecast asked for (no deployed model, too short a history), or null.</param>
/// <param name="Zones">One entry per zone and per counter (each with its <c>kind</c>), riskiest first (<see cref="ByRisk"/>).</param>
/// <param name="AsOf">For a briefing of the present day: the site time it was made at, <c>HH:mm</c>; the zones'
/// <see cref="BriefingReportZone.HoursLeftAtRisk"/> start at its hour. Null for another day.</param>
/// <param name="Roads">The roads: the deployed roads model's expected jams of the day; null without a roads model with a congestion rule.</param>
public sealed record BriefingReport(
    string Date, string? Model, long? ModelId, string Method, string? Fallback, IReadOnlyList<BriefingReportZone> Zones, string? AsOf = null,
    BriefingReportRoads? Roads = null)
{
    /// <summary>
    /// The report of <paramref name="briefing"/>; when <paramref name="now"/> (the present on the site clock) falls on the
    /// briefed day, each entry also lists the hours at risk not yet past (the current hour included, as it is not over).
    /// </summary>
    /// <param name="briefing">The zones' and counters' briefing.</param>
    /// <param name="now">The present on the site clock.</param>
    /// <param name="roads">The roads' expected jams of the day, or null.</param>
    public static BriefingReport Of(DayBriefing briefing, TimeLabel? now = null, RoadJamBriefing? roads = null)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var fromHour = now is { } n && n.Date == briefing.Date ? n.Hour : (int?)null;
        return new(
            briefing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), briefing.Model, briefing.ModelId, BriefingPlan.Name(briefing.Method),
            briefing.Fallback, [.. briefing.Subjects.Select(s => BriefingReportZone.Of(s, fromHour)).Order(ByRisk)],
            fromHour is null ? null : string.Create(CultureInfo.InvariantCulture, $"{now!.Value.Hour:00}:{now.Value.SecondOfDay / 60 % 60:00}"),
            roads is null ? null : BriefingReportRoads.Of(roads, briefing.Date));
    }

    /// <summary>
    /// Riskiest first: the worse peak level, then more hours at risk, then more persons at the peak; no forecast
    /// (no-data) last; ties by id, so the order is the same wherever the report is made.
    /// </summary>
    public static IComparer<BriefingReportZone> ByRisk { get; } = Comparer<BriefingReportZone>.Create((a, b) =>
    {
        var byLevel = Rank(b.PeakLevel).CompareTo(Rank(a.PeakLevel));
        if (byLevel != 0)
        {
            return byLevel;
        }

        var byHours = b.HoursAtRisk.Count.CompareTo(a.HoursAtRisk.Count);
        if (byHours != 0)
        {
            return byHours;
        }

        var byPeak = (b.PeakPersons ?? -1).CompareTo(a.PeakPersons ?? -1);
        return byPeak != 0 ? byPeak : string.CompareOrdinal(a.ZoneId, b.ZoneId);
    });

    private static int Rank(string level) => ZoneLevelLadder.Rank(ZoneLevelLadder.Parse(level));

    /// <summary>An hour of the day as reports write it, <c>HH:00</c>.</summary>
    public static string Hour(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00");
}

/// <summary>One zone or counter of a <see cref="BriefingReport"/>.</summary>
/// <param name="ZoneId">The zone's id (the sensor's, for a per-sensor briefing).</param>
/// <param name="Name">Its name.</param>
/// <param name="Total">Persons forecast over the day (the sum of the hourly forecasts), or null.</param>
/// <param name="PeakHour">The busiest hour, <c>HH:00</c>, or null.</param>
/// <param name="PeakPersons">Persons forecast at the peak, or null.</param>
/// <param name="PeakDensity">Persons/m² forecast at the peak, or null (a sensor, or no forecast).</param>
/// <param name="PeakLevel">The level the peak reaches: ok, warning, alarm, critical, or no-data.</param>
/// <param name="HoursAtRisk">Hours whose 90% upper forecast reaches the warning level (a sensor's: whose surge probability reaches the day-ahead level).</param>
/// <param name="HoursLeftAtRisk">For the present day (<see cref="BriefingReport.AsOf"/>): the hours at risk from the current
/// hour on; null for another day.</param>
/// <param name="Kind"><c>zone</c>, or <c>counter</c> for a counter briefed on its own (<c>zoneId</c> is then its sensor id).</param>
public sealed record BriefingReportZone(
    string ZoneId, string Name, double? Total, string? PeakHour, double? PeakPersons, double? PeakDensity, string PeakLevel, IReadOnlyList<string> HoursAtRisk,
    IReadOnlyList<string>? HoursLeftAtRisk = null, string Kind = "zone")
{
    /// <summary>The entry of <paramref name="subject"/>; with <paramref name="fromHour"/>, the hours at risk from it on as well.</summary>
    public static BriefingReportZone Of(SubjectBriefing subject, int? fromHour = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new(
            subject.Id, subject.Name, Round(subject.Total, 0), subject.PeakHour < 0 ? null : BriefingReport.Hour(subject.PeakHour),
            Round(subject.PeakPersons, 0), Round(subject.PeakDensity, 3), ZoneLevelLadder.Name(subject.PeakLevel),
            [.. subject.HoursAtRisk.Select(BriefingReport.Hour)],
            fromHour is { } from ? [.. subject.HoursAtRisk.Where(h => h >= from).Select(BriefingReport.Hour)] : null,
            subject.Kind == BriefingSubjectKind.Counter ? "counter" : "zone");
    }

    private static double? Round(double value, int digits) => double.IsNaN(value) ? null : Math.Round(value, digits);
}
