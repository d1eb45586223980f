using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Readings;

/// <summary>One stored reading of a sensor.</summary>
internal sealed record ReadingPoint(string Timestamp, double Value);

/// <summary>The readings of one sensor in a period.</summary>
internal sealed record SensorReadings(string SensorId, string? From, string? To, IReadOnlyList<ReadingPoint> Readings);

/// <summary><c>GET /api/v1/readings?sensor=ID&amp;from=&amp;to=</c>: stored readings of one sensor, labels in [from, to).</summary>
internal static class ReadingsQueryEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/readings", ReadAsync)
            .WithName("GetReadings")
            .WithSummary("Stored readings of one sensor with labels in [from, to) (ISO-8601; a time without an offset is site-local; replies carry the offset).")
            .Produces<SensorReadings>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .OpenRead();

    private static async Task<IResult> ReadAsync(
        string? sensor, string? from, string? to, IObservationStore store, Clock.ClockDtos clocks, CancellationToken cancellationToken)
    {
        if (!SensorId.IsValid(sensor, out var reason))
        {
            return QueryProblems.BadParameter("sensor", $"give a sensor id: {reason}");
        }

        var zone = clocks.SiteZone;
        if (!QueryLabels.TryParse(from, zone, out var first, out var fromError))
        {
            return QueryProblems.BadParameter("from", fromError);
        }

        if (!QueryLabels.TryParse(to, zone, out var last, out var toError))
        {
            return QueryProblems.BadParameter("to", toError);
        }

        var batch = await store.ReadObservationsAsync(new ObservationQuery([new SensorId(sensor!)], first, last), cancellationToken);
        var points = new ReadingPoint[batch.Count];
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new ReadingPoint(clocks.Format(new TimeLabel(times[i])), values[i]);
        }

        return Results.Ok(new SensorReadings(sensor!, first is { } f ? clocks.Format(f) : null, last is { } l ? clocks.Format(l) : null, points));
    }
}
