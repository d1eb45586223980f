using Surgewatch.Core.Series;

namespace Surgewatch.Server.Health;

/// <summary>The health reply.</summary>
internal sealed record HealthReply(string Status, long? Readings, string? Problem);

/// <summary><c>GET /healthz</c>: 200 when the store answers a query, 503 otherwise.</summary>
internal static class HealthEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/healthz", CheckAsync)
            .WithName("GetHealth")
            .WithSummary("200 with the stored reading count when the store answers, 503 when it does not.")
            .Produces<HealthReply>()
            .Produces<HealthReply>(StatusCodes.Status503ServiceUnavailable)
            .DisableRateLimiting();

    private static async Task<IResult> CheckAsync(IObservationStore store, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        try
        {
            var readings = await store.CountObservationsAsync(cancellationToken);
            return Results.Ok(new HealthReply("ok", readings, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reported, not swallowed: the reply says the store is down and the log keeps the cause.
            logs.CreateLogger(typeof(HealthEndpoint)).LogError(e, "Health check: the store did not answer");
            return Results.Json(new HealthReply("unavailable", null, e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
