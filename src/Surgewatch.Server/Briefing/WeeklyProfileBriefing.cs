using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Server.Monitoring;
using Surgewatch.Server.ZoneSeries;

namespace Surgewatch.Server.Briefing;

/// <summary>
/// The day-ahead briefing from each zone's own history: for every hour of the date, the median over the same weekday
/// of up to four earlier weeks of the hour's peak persons (and of persons entering). Hours whose expected peak reaches
/// the zone's warning density are at risk.
/// </summary>
internal static class WeeklyProfileBriefing
{
    public const string Method = "median of the same weekday-hour over up to 4 earlier weeks";
    private const int Weeks = 4;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public static async Task<BriefingZoneDto> ForZoneAsync(IObservationStore store, Zone zone, DateOnly date, CancellationToken cancellationToken)
    {
        var day = TimeLabel.FromDate(date);
        var buckets = await ZoneBucketReader.ReadAsync(store, zone, day - TimeSpan.FromDays(7 * Weeks), day, Step, cancellationToken);
        var perHour = (int)(TimeSpan.FromHours(1) / Step);
        var peaks = new double[24];
        var entries = new double[24];
        for (var hour = 0; hour < 24; hour++)
        {
            var peakByWeek = new List<double>(Weeks);
            var entriesByWeek = new List<double>(Weeks);
            for (var week = 1; week <= Weeks; week++)
            {
                var first = (int)(((day - TimeSpan.FromDays(7 * week)) - buckets.From) / Step) + (hour * perHour);
                Collect(buckets, first, perHour, peakByWeek, entriesByWeek);
            }

            peaks[hour] = Median(peakByWeek);
            entries[hour] = Median(entriesByWeek);
        }

        return Summarise(zone, date, peaks, entries);
    }

    private static BriefingZoneDto Summarise(Zone zone, DateOnly date, double[] peaks, double[] entries)
    {
        int peakHour = -1;
        double totalEntries = 0, totalPeaks = 0;
        var anyEntries = false;
        var atRisk = new List<string>();
        for (var h = 0; h < 24; h++)
        {
            if (!Missing.Is(entries[h]))
            {
                totalEntries += entries[h];
                anyEntries = true;
            }

            if (Missing.Is(peaks[h]))
            {
                continue;
            }

            totalPeaks += peaks[h];
            peakHour = peakHour < 0 || peaks[h] > peaks[peakHour] ? h : peakHour;
            if (peaks[h] / zone.AreaSquareMetres >= zone.Levels.DensityWarning)
            {
                atRisk.Add($"{h:00}:00");
            }
        }

        if (peakHour < 0)
        {
            return new BriefingZoneDto(zone.Id.Value, zone.Name, null, null, null, null, Core.Monitoring.ZoneLevelLadder.Name(Core.Monitoring.ZoneLevel.NoData), []);
        }

        var density = peaks[peakHour] / zone.AreaSquareMetres;
        return new BriefingZoneDto(zone.Id.Value, zone.Name, Math.Round(anyEntries ? totalEntries : totalPeaks), $"{peakHour:00}:00",
            Math.Round(peaks[peakHour]), Math.Round(density, 3), Core.Monitoring.ZoneLevelLadder.Name(Core.Monitoring.ZoneLevelLadder.Of(zone.Levels, density, null)), atRisk);
    }

    private static void Collect(ZoneBuckets buckets, int first, int count, List<double> peaks, List<double> entries)
    {
        double peak = Missing.Value, sum = 0;
        var anyEntry = false;
        for (var b = Math.Max(0, first); b < Math.Min(first + count, buckets.Persons.Length); b++)
        {
            if (!Missing.Is(buckets.Persons[b]))
            {
                peak = Missing.Is(peak) ? buckets.Persons[b] : Math.Max(peak, buckets.Persons[b]);
            }

            if (!Missing.Is(buckets.Entries[b]))
            {
                sum += buckets.Entries[b];
                anyEntry = true;
            }
        }

        if (!Missing.Is(peak))
        {
            peaks.Add(peak);
        }

        if (anyEntry)
        {
            entries.Add(sum);
        }
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return Missing.Value;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
