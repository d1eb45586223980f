using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;

namespace Surgewatch.Server.OpenData;

/// <summary>Turns a zone's five-minute buckets into hourly or daily rows.</summary>
internal static class ZoneAggregates
{
    public static void Add(List<ZoneAggregate> rows, Zone zone, ZoneBuckets buckets, Resolution resolution, TimeZoneInfo site)
    {
        var perRow = (int)(Aggregation.Seconds(resolution) / buckets.Step.TotalSeconds);
        for (var start = 0; start < buckets.Persons.Length; start += perRow)
        {
            double sum = 0, peak = 0, entries = 0;
            int n = 0, e = 0;
            for (var b = start; b < Math.Min(start + perRow, buckets.Persons.Length); b++)
            {
                if (!Missing.Is(buckets.Persons[b]))
                {
                    sum += buckets.Persons[b];
                    peak = Math.Max(peak, buckets.Persons[b]);
                    n++;
                }

                if (!Missing.Is(buckets.Entries[b]))
                {
                    entries += buckets.Entries[b];
                    e++;
                }
            }

            if (n == 0 && e == 0)
            {
                continue;
            }

            var label = Clock.SiteTimes.Format(Aggregation.Floor(buckets.LabelOf(start), resolution), site);
            var area = zone.AreaSquareMetres;
            rows.Add(n == 0
                ? new ZoneAggregate(zone.Id.Value, label, null, null, null, null, Math.Round(entries))
                : new ZoneAggregate(zone.Id.Value, label, Math.Round(sum / n, 1), Math.Round(peak, 1), Math.Round(sum / n / area, 4), Math.Round(peak / area, 4), e == 0 ? null : Math.Round(entries)));
        }
    }
}
