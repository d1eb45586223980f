using Surgewatch.Core.Series;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Sensors;

/// <summary>A sensor as the API shows it; <c>unit</c> of its readings (<c>persons/h</c>; a road's speeds in the site's <c>SpeedUnit</c>).</summary>
internal sealed record SensorDto(string Id, string Name, double? Latitude, double? Longitude, SensorKind Kind, int StepSeconds, string Unit);

/// <summary><c>GET /api/v1/sensors</c>: every known sensor; also maps the sensor feature's status and series.</summary>
internal static class SensorsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sensors", ListAsync)
            .WithName("GetSensors")
            .WithSummary("Every known sensor, ordered by id.")
            .Produces<SensorDto[]>()
            .OpenRead();
        SensorStatusEndpoint.Map(api);
        SensorSeriesEndpoint.Map(api);
    }

    private static async Task<SensorDto[]> ListAsync(IObservationStore store, Microsoft.Extensions.Options.IOptions<Hosting.ServerOptions> options, CancellationToken cancellationToken)
    {
        var sensors = await store.ListSensorsAsync(cancellationToken);
        var dtos = new SensorDto[sensors.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var s = sensors[i];
            dtos[i] = new SensorDto(s.Id.Value, s.Name, s.Location?.Latitude, s.Location?.Longitude, s.Kind, (int)s.Step.TotalSeconds, SensorUnits.Short(s.Kind, s.Step, options.Value.SpeedUnit));
        }

        return dtos;
    }
}
