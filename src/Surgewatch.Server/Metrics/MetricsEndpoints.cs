using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.Metrics;

/// <summary><c>GET /metrics</c> and the middleware that times every request.</summary>
internal static class MetricsEndpoints
{
    /// <summary>
    /// Registers the meter with OpenTelemetry and its Prometheus exporter. The store's reading count is read at each
    /// scrape (a scrape is rare; the count is one indexed query).
    /// </summary>
    /// <summary>
    /// The runtime's own meter (.NET 9 and later): CPU time, GC collections and pauses, heap sizes, JIT compilation
    /// time, thread pool queue and lock contention, read only when scraped.
    /// </summary>
    internal const string RuntimeMeter = "System.Runtime";

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(s => new ServerMetrics(
            s.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            () => s.GetRequiredService<IObservationStore>().CountObservationsAsync().GetAwaiter().GetResult()));
        services.AddSingleton<LiveMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("surgewatch"))
            .WithMetrics(metrics => metrics.AddMeter(ServerMetrics.MeterName, RuntimeMeter).AddPrometheusExporter());
    }

    public static void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics")
            .WithName("GetMetrics")
            .WithSummary("Prometheus metrics (OpenTelemetry exporter): per zone persons, density and level; per counter surge probability; active alerts by severity; forecast age; monitor step duration; readings ingested by source; ingest requests by outcome; request durations; stored readings; rate-limited requests; non-finite numbers written; undeliverable notifications; and the runtime's (dotnet_*: CPU time, GC, JIT, thread pool).")
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
