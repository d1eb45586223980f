using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Deployment;

namespace Surgewatch.Server.Sensors;

/// <summary>
/// A sensor now: its latest reading in the last <see cref="SensorStatusEndpoint.LookBack"/> (null when none) and, for a
/// counter the deployed model forecasts, its surge level, probability and threshold; for a road, its congestion level
/// (free, slowing, congested, jammed, no-data), the level forecast within the window, the probability of congestion
/// within it and its congested speed (null where nothing judges it).
/// </summary>
internal sealed record SensorStatusDto(string SensorId, string? At, double? Value, string? Level, double? Probability, double? Threshold, bool Warned, string? ForecastLevel = null);

/// <summary><c>GET /api/v1/sensors/status</c>: every sensor's latest reading and surge level, for the map and the sensor list.</summary>
internal static class SensorStatusEndpoint
{
    /// <summary>How far back a latest reading is looked for: two hourly counts and their release, with room to spare.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(6);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/sensors/status", GetAsync).WithName("GetSensorStatus")
            .WithSummary("Every sensor's latest reading of the last 6 hours (null when none) and, for counters the deployed model forecasts, the surge level (ok; warning while the surge rule warns, as its alert; nodata when the counter stopped reporting), its probability and threshold as in /counters; for roads, the congestion level now and forecast, the probability of congestion within the hour and the congested speed as in /roads.")
            .Produces<SensorStatusDto[]>().OpenRead();

    private static async Task<SensorStatusDto[]> GetAsync(IObservationStore store, LiveDeployment deployment, RoadDeployment roads, ClockDtos clocks, CancellationToken cancellationToken)
    {
        var sensors = await store.ListSensorsAsync(cancellationToken);
        var now = clocks.NowLabel();
        var latest = Latest(await store.ReadObservationsAsync(new ObservationQuery(null, now - LookBack, now + TimeSpan.FromSeconds(1)), cancellationToken));
        var counters = deployment.Counters.ToDictionary(c => c.SensorId, StringComparer.Ordinal);
        var outlooks = roads.Roads.ToDictionary(r => r.SensorId, StringComparer.Ordinal);
        var dtos = new SensorStatusDto[sensors.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var id = sensors[i].Id.Value;
            var read = latest.TryGetValue(id, out var reading);
            var at = read ? clocks.Format(new TimeLabel(reading.Time)) : null;
            double? value = read ? reading.Value : null;
            dtos[i] = outlooks.TryGetValue(id, out var road)
                ? new SensorStatusDto(id, at, value, road.Level, road.Probability, road.CongestedSpeed, road.Warned, road.ForecastLevel)
                : counters.GetValueOrDefault(id) is { } counter
                    ? new SensorStatusDto(id, at, value, counter.Level, counter.Probability, counter.Threshold, counter.Warned)
                    : new SensorStatusDto(id, at, value, null, null, null, false);
        }

        return dtos;
    }

    private static Dictionary<string, (long Time, double Value)> Latest(ObservationBatch batch)
    {
        var latest = new Dictionary<string, (long Time, double Value)>(StringComparer.Ordinal);
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            var id = batch.Sensors[sensors[i]].Value;
            if (!Missing.Is(values[i]) && (!latest.TryGetValue(id, out var known) || known.Time <= times[i]))
            {
                latest[id] = (times[i], values[i]);
            }
        }

        return latest;
    }
}
