using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Ingestion;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Metrics;

namespace Surgewatch.Server.Readings;

/// <summary>What an ingest request stored.</summary>
/// <param name="Received">Readings in the request.</param>
/// <param name="Written">Readings that were new or changed a stored value (0 when the same batch is posted again).</param>
internal sealed record IngestReply(long Received, long Written);

/// <summary><c>POST /api/v1/readings</c>: a batch of readings as a JSON array, NDJSON or CSV; all of it is stored, or none.</summary>
internal static class IngestEndpoint
{

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/readings", IngestAsync)
            .WithName("PostReadings")
            .WithSummary("Store a batch of readings (JSON array, NDJSON or long/wide CSV). A batch with any bad row or any identifier-like field is refused whole.")
            .Accepts<ReadingDto[]>("application/json", "application/x-ndjson", "text/csv")
            .Produces<IngestReply>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireKey(ApiKeyRole.Ingest);

    private static async Task<IResult> IngestAsync(
        HttpRequest request, IngestPipeline pipeline, KnownSensors kinds, IOptions<ServerOptions> options, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        var format = IngestFormats.Of(request.ContentType);
        if (format is null)
        {
            metrics.CountIngest(IngestOutcome.UnsupportedMediaType);
            return IngestProblems.UnsupportedMediaType(request.ContentType);
        }

        try
        {
            using var body = await RequestBody.BufferAsync(request, options.Value.MaxBodyBytes, cancellationToken);
            var readerOptions = options.Value.ReaderOptions() with { KindOf = await kinds.LookupAsync(cancellationToken) };
            var batch = Read(body, format.Value, readerOptions);
            var result = await pipeline.IngestAsync(batch, cancellationToken);
            metrics.CountIngest(IngestOutcome.Accepted);
            return Results.Ok(new IngestReply(result.Received, result.Written));
        }
        catch (BodyTooLargeException e)
        {
            metrics.CountIngest(IngestOutcome.TooLarge);
            return IngestProblems.TooLarge(e);
        }
        catch (InputRejectedException e)
        {
            var privacy = IngestProblems.IsPrivacyRefusal(e);
            metrics.CountIngest(privacy ? IngestOutcome.PrivacyRefused : IngestOutcome.Rejected);
            return IngestProblems.Rejected(e, privacy, format.Value == IngestFormat.JsonArray);
        }
        catch (StoreUnavailableException e)
        {
            // Nothing of the batch was acknowledged or committed: the sender keeps it and posts it again. The store's
            // connection pool reconnects by itself once the database is back.
            metrics.CountIngest(IngestOutcome.StoreUnavailable);
            request.HttpContext.Response.Headers.RetryAfter = StoreUnavailableHandler.RetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store is unavailable; retry later", detail: e.Message);
        }
    }

    private static ObservationBatch Read(RequestBody body, IngestFormat format, ReaderOptions readerOptions)
    {
        const string Source = "request body";
        switch (format)
        {
            case IngestFormat.JsonArray:
                return NdjsonReader.Read(JsonArrayToNdjson.Convert(body.Bytes, Source), Source, readerOptions);
            case IngestFormat.Ndjson:
                return NdjsonReader.Read(body.Bytes, Source, readerOptions);
            default:
                using (var stream = body.AsStream())
                {
                    return ObservationReader.Read(stream, Source, readerOptions);
                }
        }
    }
}
