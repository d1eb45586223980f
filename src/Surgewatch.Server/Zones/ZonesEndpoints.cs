using System.Text.Json;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Monitoring;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.Zones;

/// <summary>
/// Zones as GeoJSON: <c>GET /api/v1/zones</c> (public read), <c>POST</c> (Feature or FeatureCollection),
/// <c>PUT /zones/{id}</c> and <c>DELETE /zones/{id}</c> (admin), and <c>GET /zones/status</c>. Zones pass the same
/// privacy guard as readings (422, nothing stored) and the same body limit (413).
/// </summary>
internal static class ZonesEndpoints
{
    private const string GeoJsonType = "application/geo+json";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/zones", ListAsync).WithName("GetZones")
            .WithSummary("Every zone as a GeoJSON FeatureCollection (polygon, area, width, capacity, levels, sources).")
            .Produces<Docs.ZoneCollectionSchema>(contentType: GeoJsonType).OpenRead();
        api.MapPost("/zones", CreateAsync).WithName("PostZones")
            .WithSummary("Adds or replaces zones from a GeoJSON Feature or FeatureCollection.")
            .Accepts<Docs.ZoneCollectionSchema>("application/geo+json", "application/json")
            .Produces<Docs.ZoneCollectionSchema>(StatusCodes.Status200OK, GeoJsonType).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(ApiKeyRole.Admin);
        api.MapPut("/zones/{id}", ReplaceAsync).WithName("PutZone")
            .WithSummary("Replaces one zone from a GeoJSON Feature; its properties.id must match the path (or be absent).")
            .Accepts<Docs.ZoneFeatureSchema>("application/geo+json", "application/json")
            .Produces<Docs.ZoneCollectionSchema>(StatusCodes.Status200OK, GeoJsonType).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(ApiKeyRole.Admin);
        api.MapDelete("/zones/{id}", DeleteAsync).WithName("DeleteZone")
            .WithSummary("Deletes a zone.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(ApiKeyRole.Admin);
        api.MapGet("/zones/status", async (ZoneStatusBoard board, CancellationToken ct) => Results.Ok(await board.CurrentAsync(ct))).WithName("GetZoneStatus")
            .WithSummary("Each zone's present persons, density (persons/m²), flow (persons/m/min), confidence, level and forecast level (worst level of the 90% upper forecast within 60 min).")
            .Produces<ZoneStatusDto[]>().OpenRead();
    }

    public static IResult GeoJson(IReadOnlyList<Zone> zones)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ZonesGeoJson.Write(writer, zones);
        }

        return Results.Bytes(buffer.ToArray(), GeoJsonType);
    }

    private static async Task<IResult> ListAsync(IZoneStore store, CancellationToken cancellationToken) =>
        GeoJson(await store.ListZonesAsync(cancellationToken));

    private static async Task<IResult> CreateAsync(
        HttpRequest request, IZoneStore store, MonitorSignal signal, Audit.AuditTrail audit, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var zones = await ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (zones.Error is { } error)
        {
            return error;
        }

        await store.UpsertZonesAsync(zones.Zones!, cancellationToken);
        signal.Nudge();
        await audit.RecordAsync(request.HttpContext, "zone.create", string.Join(',', zones.Zones!.Select(z => z.Id.Value)));
        return GeoJson(zones.Zones!);
    }

    private static async Task<IResult> ReplaceAsync(
        string id, HttpRequest request, IZoneStore store, MonitorSignal signal, Audit.AuditTrail audit, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var zones = await ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (zones.Error is { } error)
        {
            return error;
        }

        if (zones.Zones!.Count != 1 || zones.Zones[0].Id.Value != id)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Zone id mismatch",
                detail: $"PUT /zones/{id} takes one GeoJSON Feature whose properties.id is '{id}'.");
        }

        await store.UpsertZonesAsync(zones.Zones, cancellationToken);
        signal.Nudge();
        await audit.RecordAsync(request.HttpContext, "zone.update", id);
        return GeoJson(zones.Zones);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IZoneStore store, Audit.AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!ZoneId.IsValid(id, out _) || !await store.DeleteZoneAsync(new ZoneId(id), cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such zone", detail: $"No zone '{id}' is stored.");
        }

        await audit.RecordAsync(context, "zone.delete", id);
        return Results.NoContent();
    }

    /// <summary>
    /// Reads the body under the server's size limit (413 past it) and parses the zones; a privacy refusal answers
    /// 422 exactly as a refused ingest does, any other error 400.
    /// </summary>
    private static async Task<(IReadOnlyList<Zone>? Zones, IResult? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await RequestBody.BufferAsync(request, maxBytes, cancellationToken);
            using var stream = body.AsStream();
            return (ZonesGeoJson.Read(stream, "request body"), null);
        }
        catch (BodyTooLargeException e)
        {
            return (null, IngestProblems.TooLarge(e));
        }
        catch (InputRejectedException e) when (IngestProblems.IsPrivacyRefusal(e))
        {
            return (null, IngestProblems.Rejected(e, privacy: true, jsonArray: false));
        }
        catch (InputRejectedException e)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The zones were rejected; nothing was stored", detail: e.Message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The zones were rejected; nothing was stored", detail: e.Message));
        }
    }
}
