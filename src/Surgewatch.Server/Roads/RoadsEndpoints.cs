using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.Roads;

/// <summary>One jam the deployed roads model forecasts: the road, when, its lowest forecast speed and that speed's level.</summary>
internal sealed record ExpectedJamDto(string SensorId, string Name, string From, string To, double LowestSpeed, string Level);

/// <summary>The expected jams of a day by road, earliest first, and the model that forecast them (null, with no jams, before a roads model is deployed); <c>unit</c>: of the speeds (the site's speed unit).</summary>
internal sealed record ExpectedJamsDto(string Date, string? Model, IReadOnlyList<ExpectedJamDto> Jams, string Unit);

/// <summary>What an upload of the road graph stored.</summary>
/// <param name="Received">Edges in the request.</param>
/// <param name="Edges">Edges the store holds afterwards.</param>
internal sealed record RoadGraphReply(int Received, int Edges);

/// <summary>
/// The road graph and the map's road segments: <c>GET /api/v1/roads/segments</c> (public read) draws each road sensor
/// as a GeoJSON LineString (Core's <see cref="RoadSegments"/>); <c>PUT /roads/edges</c> replaces the graph and
/// <c>POST /roads/edges</c> adds or reweights edges, from an edges.csv body (admin key, as zones). An upload is stored
/// whole or not at all: a bad line, or an edge naming a sensor the store does not know, gives 400 naming line and
/// field; an identifier-like column gives 422; a body over the limit 413. <c>GET /roads/jams?date=</c> lists the day's
/// expected jams by road from the deployed roads model (the briefing's roads).
/// </summary>
internal static class RoadsEndpoints
{
    private const string GeoJsonType = "application/geo+json";
    private const string Source = "request body";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/roads/segments", SegmentsAsync).WithName("GetRoadSegments")
            .WithSummary("Each road sensor with a position as a GeoJSON LineString along its road: halfway towards its strongest neighbour in the road graph (at most 500 m), or a 60 m stub; properties id and name.")
            .Produces<Docs.RoadSegmentCollectionSchema>(contentType: GeoJsonType).OpenRead();
        api.MapGet("/roads/jams", JamsAsync).WithName("GetExpectedJams")
            .WithSummary("The jams the deployed roads model forecasts for a day (default tomorrow on the server clock), by road, earliest first: runs of at least 15 minutes below the road's congested speed, with the lowest forecast speed and its level (congested or jammed); forecast from now (at most to the end of the day after tomorrow), or for a past day from its start on the readings before it: the roads part of GET /briefing and `surgewatch brief`. Without a saved roads model with a congestion rule (or on a site without roads), model is null and jams empty.")
            .Produces<ExpectedJamsDto>().ProducesProblem(StatusCodes.Status400BadRequest).OpenRead();
        Upload(api.MapPut("/roads/edges", (HttpRequest request, IObservationStore sensors, IRoadGraphStore graph, Audit.AuditTrail audit, IOptions<ServerOptions> options, CancellationToken ct) =>
                WriteAsync(request, sensors, graph, audit, options.Value, replace: true, ct)))
            .WithName("PutRoadEdges")
            .WithSummary("Replaces the road graph with an edges.csv body (from_id,to_id,weight; weight above zero), naming only known sensors.");
        Upload(api.MapPost("/roads/edges", (HttpRequest request, IObservationStore sensors, IRoadGraphStore graph, Audit.AuditTrail audit, IOptions<ServerOptions> options, CancellationToken ct) =>
                WriteAsync(request, sensors, graph, audit, options.Value, replace: false, ct)))
            .WithName("PostRoadEdges")
            .WithSummary("Adds edges to the road graph, or changes the weight of stored ones, from an edges.csv body, naming only known sensors.");
    }

    /// <summary>What both uploads accept, reply and require.</summary>
    private static RouteHandlerBuilder Upload(RouteHandlerBuilder upload) =>
        upload.Accepts<string>("text/csv").Produces<RoadGraphReply>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).RequireKey(ApiKeyRole.Admin);

    /// <param name="date">The day, YYYY-MM-DD; tomorrow on the server clock when left out.</param>
    private static async Task<IResult> JamsAsync(
        string? date, IObservationStore observations, IModelStore models, IRoadGraphStore graph, Clock.ClockDtos clocks, Microsoft.Extensions.Options.IOptions<ServerOptions> options,
        CancellationToken cancellationToken)
    {
        var now = clocks.NowLabel();
        var day = now.Date.AddDays(1);
        if (date is not null && !QueryLabels.TryParseDate(date, out day, out var error))
        {
            return QueryProblems.BadParameter("date", error);
        }

        var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await Models.Briefing.RoadBriefer.BriefAsync(observations, models, graph, day, now, cancellationToken) is not { } roads)
        {
            return Results.Ok(new ExpectedJamsDto(text, null, [], options.Value.SpeedUnit));
        }

        return Results.Ok(new ExpectedJamsDto(
            text,
            roads.Model,
            [.. roads.Jams.Select(j => new ExpectedJamDto(
                j.Sensor.Value, roads.Names.GetValueOrDefault(j.Sensor, j.Sensor.Value), clocks.Format(j.From), clocks.Format(j.To), Math.Round(j.LowestSpeed, 1), CongestionLadder.Name(j.Level)))],
            options.Value.SpeedUnit));
    }

    private static async Task<IResult> SegmentsAsync(IObservationStore sensors, IRoadGraphStore graph, CancellationToken cancellationToken)
    {
        var segments = RoadSegments.Draw(await sensors.ListSensorsAsync(cancellationToken), await graph.ListEdgesAsync(cancellationToken));
        var features = new JsonArray();
        foreach (var segment in segments)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = segment.Sensor.Value,
                ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(Position(segment.Start), Position(segment.End)) },
                ["properties"] = new JsonObject { ["id"] = segment.Sensor.Value, ["name"] = segment.Name },
            });
        }

        return Results.Text(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(), GeoJsonType, Encoding.UTF8);
    }

    private static JsonArray Position(GeoPoint point) => new(point.Longitude, point.Latitude);

    private static async Task<IResult> WriteAsync(
        HttpRequest request, IObservationStore sensors, IRoadGraphStore graph, Audit.AuditTrail audit, ServerOptions options, bool replace, CancellationToken cancellationToken)
    {
        if (IngestFormats.Of(request.ContentType) != IngestFormat.Csv)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Content-Type",
                detail: $"'{request.ContentType}' is not accepted; send the edges as text/csv with the header from_id,to_id,weight.");
        }

        try
        {
            var edges = await ReadAsync(request, sensors, options, cancellationToken);
            await (replace ? graph.ReplaceEdgesAsync(edges, cancellationToken) : graph.UpsertEdgesAsync(edges, cancellationToken));
            await audit.RecordAsync(request.HttpContext, replace ? "road-graph.replace" : "road-graph.update", "road-graph", $"{edges.Count} edges");
            return Results.Ok(new RoadGraphReply(edges.Count, (await graph.ListEdgesAsync(cancellationToken)).Count));
        }
        catch (BodyTooLargeException e)
        {
            return IngestProblems.TooLarge(e);
        }
        catch (InputRejectedException e)
        {
            return IngestProblems.Rejected(e, IngestProblems.IsPrivacyRefusal(e), jsonArray: false);
        }
        catch (UnknownSensorException e)
        {
            // A sensor known when the body was read but not when it was written: only a store emptied in between.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The road graph was rejected; nothing of it was stored", detail: e.Message);
        }
    }

    private static async Task<IReadOnlyList<SensorEdge>> ReadAsync(HttpRequest request, IObservationStore sensors, ServerOptions options, CancellationToken cancellationToken)
    {
        using var body = await RequestBody.BufferAsync(request, options.MaxBodyBytes, cancellationToken);
        var known = new HashSet<SensorId>();
        foreach (var sensor in await sensors.ListSensorsAsync(cancellationToken))
        {
            known.Add(sensor.Id);
        }

        using var stream = body.AsStream();
        return EdgesCsvReader.Read(stream, Source, options.ReaderOptions(), known.Contains, "store the sensor first (sensors.csv with surgewatch ingest, or its readings)");
    }
}
