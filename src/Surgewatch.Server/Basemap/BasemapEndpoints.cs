using Microsoft.Extensions.Options;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Basemap;

/// <summary>
/// <c>GET /api/v1/basemap</c> (which base maps there are), <c>/api/v1/basemap/tiles.pmtiles</c> (the operator's
/// PMTiles extract, with HTTP range requests, as the pmtiles reader fetches it) and
/// <c>/api/v1/basemap/demo.geojson</c> (the demo city's streets, in demo mode).
/// </summary>
internal static class BasemapEndpoints
{
    private const string Root = "/basemap";
    private const string TilesPath = Root + "/tiles.pmtiles";
    private const string DemoCityPath = Root + "/demo.geojson";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Root, (IOptions<ServerOptions> options, ServerClock clock) => TypedResults.Ok(new BasemapDto(
                options.Value.Basemap is null ? null : SurgewatchServer.ApiPrefix + TilesPath,
                clock.Mode == ClockMode.Demo ? SurgewatchServer.ApiPrefix + DemoCityPath : null)))
            .WithName("GetBasemap")
            .WithSummary("Which base maps the dashboard can draw offline: the operator's PMTiles extract (serve --basemap) and, in demo mode, the demo city's streets.")
            .OpenRead();
        api.MapGet(TilesPath, (IOptions<ServerOptions> options) => options.Value.Basemap is { } path
                ? Results.File(Path.GetFullPath(path), PmtilesArchive.MediaType, enableRangeProcessing: true)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No base map", detail: "This server was started without a base map (serve --basemap FILE.pmtiles)."))
            .WithName("GetBasemapTiles")
            .WithSummary("The operator's PMTiles base-map archive; read it with HTTP range requests (206 Partial Content).")
            .Produces<Stream>(StatusCodes.Status200OK, PmtilesArchive.MediaType)
            .Produces<Stream>(StatusCodes.Status206PartialContent, PmtilesArchive.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();
        api.MapGet(DemoCityPath, (ServerClock clock) => clock.Mode == ClockMode.Demo
                ? Results.Json(DemoCityBasemap.Features, contentType: "application/geo+json")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not in demo mode", detail: "The demo city's streets exist only in demo mode (serve --demo)."))
            .WithName("GetDemoCityBasemap")
            .WithSummary("The demo city's streets, river, parks and squares as GeoJSON, drawn under the zones (demo mode only).")
            .Produces<BasemapFeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();
    }
}
