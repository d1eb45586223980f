using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Briefing;

/// <summary>The jams a deployed roads model forecasts for the briefed day (Core's <see cref="ExpectedJams"/>), with the roads' names.</summary>
/// <param name="Model">The roads model's name.</param>
/// <param name="ModelId">Its id in the store.</param>
/// <param name="Jams">The jams, cut to the day, earliest first.</param>
/// <param name="Names">The roads' display names; a road without one is named by its id.</param>
public sealed record RoadJamBriefing(string Model, long ModelId, IReadOnlyList<ExpectedJam> Jams, IReadOnlyDictionary<SensorId, string> Names);

/// <summary>The roads of a <see cref="BriefingReport"/>: the model that forecast them and the day's expected jams, earliest first.</summary>
/// <param name="Model">The roads model.</param>
/// <param name="ModelId">Its id in the store.</param>
/// <param name="Jams">The expected jams.</param>
public sealed record BriefingReportRoads(string Model, long ModelId, IReadOnlyList<BriefingReportJam> Jams)
{
    /// <summary>The report of <paramref name="roads"/> for <paramref name="day"/>, times as <c>HH:mm</c> of the day (its end <c>24:00</c>).</summary>
    public static BriefingReportRoads Of(RoadJamBriefing roads, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(roads);
        var start = TimeLabel.FromDate(day);
        return new(roads.Model, roads.ModelId, [.. roads.Jams.Select(j => new BriefingReportJam(
            j.Sensor.Value, roads.Names.GetValueOrDefault(j.Sensor, j.Sensor.Value), Clock(j.From - start), Clock(j.To - start),
            Math.Round(j.LowestSpeed, 1), CongestionLadder.Name(j.Level)))]);
    }

    private static string Clock(TimeSpan sinceMidnight) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)sinceMidnight.TotalHours:00}:{sinceMidnight.Minutes:00}");
}

/// <summary>One expected jam of a <see cref="BriefingReportRoads"/>.</summary>
/// <param name="SensorId">The road sensor.</param>
/// <param name="Name">Its name.</param>
/// <param name="From">The first slot forecast below the congested speed, <c>HH:mm</c>.</param>
/// <param name="To">The end of the last, <c>HH:mm</c>.</param>
/// <param name="LowestSpeed">The lowest speed forecast in it, in the speeds' unit.</param>
/// <param name="Level">That speed's level: congested or jammed.</param>
public sealed record BriefingReportJam(string SensorId, string Name, string From, string To, double LowestSpeed, string Level);
