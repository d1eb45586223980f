using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Briefing;

/// <summary>
/// The day-ahead briefing of Core's <see cref="DayBriefer"/> (a forecasting model on an hourly panel of the zones'
/// sources, with a calibrated 90% upper bound). The panel holds five weeks before the day (or up to now): hourly
/// means of occupancy and cell sources, hourly sums of line counters.
/// </summary>
internal static class CoreBriefing
{
    public const string Model = "historical-median-4w";
    private static readonly TimeSpan History = TimeSpan.FromDays(35);

    /// <exception cref="ArgumentException">Too little history for the model or the calibration.</exception>
    public static async Task<BriefingDto> BriefAsync(IObservationStore store, IReadOnlyList<Zone> zones, DateOnly date, TimeLabel now, CancellationToken cancellationToken)
    {
        var dayStart = TimeLabel.FromDate(date);
        var end = dayStart < now ? dayStart : new TimeLabel(now.Seconds / 3600 * 3600);
        var start = TimeLabel.FromDate(dayStart.Date) - History;
        var sensors = SourcesOf(zones, out var roles);
        var batch = await store.ReadObservationsAsync(new ObservationQuery(sensors, start, end), cancellationToken);
        var panel = Hourly(batch, sensors, roles, start, end);
        var briefing = new DayBriefer(ForecastModelCatalog.Default.Get(Model)).Brief(panel, date, zones, null, cancellationToken);
        var list = new List<BriefingZoneDto>(briefing.Subjects.Count);
        foreach (var s in briefing.Subjects)
        {
            var risk = new List<string>(s.HoursAtRisk.Count);
            foreach (var h in s.HoursAtRisk)
            {
                risk.Add($"{h:00}:00");
            }

            list.Add(new BriefingZoneDto(s.Id, s.Name, Round(s.Total, 0), s.PeakHour < 0 ? null : $"{s.PeakHour:00}:00", Round(s.PeakPersons, 0), Round(s.PeakDensity, 3), ZoneLevelLadder.Name(s.PeakLevel), risk));
        }

        return new BriefingDto(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"Core DayBriefer ({briefing.Model})", list);
    }

    private static List<SensorId> SourcesOf(IReadOnlyList<Zone> zones, out Dictionary<SensorId, ZoneSourceRole> roles)
    {
        roles = [];
        var list = new List<SensorId>();
        foreach (var zone in zones)
        {
            foreach (var source in zone.Sources)
            {
                if (roles.TryAdd(source.Sensor, source.Role))
                {
                    list.Add(source.Sensor);
                }
            }
        }

        return list;
    }

    private static SeriesPanel Hourly(ObservationBatch batch, List<SensorId> sensors, Dictionary<SensorId, ZoneSourceRole> roles, TimeLabel start, TimeLabel end)
    {
        var hours = (int)((end - start).TotalHours);
        var index = new Dictionary<SensorId, int>();
        for (var i = 0; i < sensors.Count; i++)
        {
            index[sensors[i]] = i;
        }

        var sums = new double[sensors.Count][];
        var counts = new int[sensors.Count][];
        for (var s = 0; s < sums.Length; s++)
        {
            sums[s] = new double[hours];
            counts[s] = new int[hours];
        }

        var sensorOf = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            var h = (int)((times[i] - start.Seconds) / 3600);
            if (h >= 0 && h < hours && !Missing.Is(values[i]) && index.TryGetValue(batch.Sensors[sensorOf[i]], out var s))
            {
                sums[s][h] += values[i];
                counts[s][h]++;
            }
        }

        for (var s = 0; s < sums.Length; s++)
        {
            var level = roles[sensors[s]] is ZoneSourceRole.Occupancy or ZoneSourceRole.CellDevices;
            for (var h = 0; h < hours; h++)
            {
                sums[s][h] = counts[s][h] == 0 ? Missing.Value : level ? sums[s][h] / counts[s][h] : sums[s][h];
            }
        }

        return new SeriesPanel(start, TimeSpan.FromHours(1), sensors, sums);
    }

    private static double? Round(double value, int digits) => double.IsNaN(value) ? null : Math.Round(value, digits);
}
