using Surgewatch.Core.Series;

namespace Surgewatch.Server.Metrics;

/// <summary><c>GET /metrics</c> and the middleware that times every request.</summary>
internal static class MetricsEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/metrics", async (ServerMetrics metrics, IObservationStore store, CancellationToken cancellationToken) =>
                Results.Text(PrometheusText.Write(metrics, await store.CountObservationsAsync(cancellationToken)), PrometheusText.ContentType))
            .WithName("GetMetrics")
            .WithSummary("Prometheus metrics: readings ingested, ingest requests by outcome, request durations, stored readings.")
            .Produces<string>(contentType: "text/plain")
            .DisableRateLimiting();

    public static void UseRequestTiming(WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            var started = clock.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices.GetRequiredService<ServerMetrics>().ObserveRequest(clock.GetElapsedTime(started));
            }
        });
}
