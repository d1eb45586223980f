using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Forecasts;

/// <summary>A prediction interval; bounds are null where the model gave none.</summary>
internal sealed record IntervalDto(double Level, double? Lower, double? Upper);

/// <summary>One forecast step; the mean is null where the model could not forecast.</summary>
internal sealed record ForecastPointDto(string Target, double? Mean, IReadOnlyList<IntervalDto> Intervals);

/// <summary>A forecast as the API shows it; times are ISO-8601 with the site's offset.</summary>
internal sealed record ForecastDto(string SensorId, string Model, string IssuedAt, IReadOnlyList<ForecastPointDto> Points);

/// <summary><c>GET /api/v1/forecasts?sensor=&amp;model=</c>: the latest stored forecast of a sensor by a model (default: the deployed one).</summary>
internal static class ForecastsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/forecasts", LatestAsync)
            .WithName("GetLatestForecast")
            .WithSummary("The latest stored forecast of a sensor by a model (default: the deployed model, see /models), with its prediction intervals; 'model' names the model that made it.")
            .Produces<ForecastDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();

    private static async Task<IResult> LatestAsync(string? sensor, string? model, IForecastStore store, Deployment.LiveDeployment deployment, Clock.ClockDtos clocks, CancellationToken cancellationToken)
    {
        if (!SensorId.IsValid(sensor, out var reason))
        {
            return QueryProblems.BadParameter("sensor", $"give a sensor id: {reason}");
        }

        model = string.IsNullOrWhiteSpace(model) ? deployment.Model?.Name : model;
        if (model is null)
        {
            return QueryProblems.BadParameter("model", "no model is deployed yet (see /api/v1/models); give the model name, for example historical-median-4w");
        }

        var forecast = await store.LatestForecastAsync(new SensorId(sensor!), model, new TimeLabel(long.MaxValue), cancellationToken);
        return forecast is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No forecast", detail: $"No forecast of sensor '{sensor}' by model '{model}' is stored.")
            : Results.Ok(ToDto(forecast, clocks));
    }

    private static ForecastDto ToDto(Forecast forecast, Clock.ClockDtos clocks)
    {
        var points = new ForecastPointDto[forecast.Points.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var p = forecast.Points[i];
            var intervals = new IntervalDto[p.Intervals.Count];
            for (var j = 0; j < intervals.Length; j++)
            {
                var interval = p.Intervals[j];
                intervals[j] = new IntervalDto(interval.Level, OrNull(interval.Lower), OrNull(interval.Upper));
            }

            points[i] = new ForecastPointDto(clocks.Format(p.Target), OrNull(p.Mean), intervals);
        }

        return new ForecastDto(forecast.SensorId.Value, forecast.Model, clocks.Format(forecast.IssuedAt), points);
    }

    private static double? OrNull(double value) => Missing.Is(value) ? null : value;
}
