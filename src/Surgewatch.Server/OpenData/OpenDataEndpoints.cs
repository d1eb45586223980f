using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.ZoneSeries;

namespace Surgewatch.Server.OpenData;

/// <summary>A zone's aggregate over one hour or day (<paramref name="T"/>: its start, with offset): mean and peak persons and density, and persons counted entering.</summary>
internal sealed record ZoneAggregate(string ZoneId, string T, double? MeanPersons, double? PeakPersons, double? MeanDensity, double? PeakDensity, double? Entries);

/// <summary>Open-data replies name the licence and the attribution; <paramref name="From"/> and <paramref name="To"/> carry their offset.</summary>
internal sealed record OpenDataReply<T>(string Licence, string LicenceUrl, string Attribution, string Resolution, string From, string To, IReadOnlyList<T> Rows);

/// <summary>
/// Public open data (readable without a key unless reads are closed): hourly and daily aggregates per sensor and
/// per zone as CSV or JSON, and sensors and zones as GeoJSON. Every reply names the licence and the attribution
/// (<see cref="OpenDataTerms"/>): JSON fields, and on every reply a <c>Link: rel="license"</c> header and a
/// <c>rel="describedby"</c> link to the sidecar <c>/api/v1/open/licence</c>. The CSV is plain RFC 4180, a header row
/// and then data (no comment lines, which CSV readers take for data), with times in ISO-8601 with their offset.
/// </summary>
internal static class OpenDataEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/open").OpenRead();
        open.MapGet("/sensors/{id}/{resolution}", SensorAsync).WithName("GetOpenSensorAggregates")
            .WithSummary("Hourly or daily count, sum, mean, min and max of one sensor's readings (resolution: hourly|daily; format: json|csv; default the last 7 days hourly, 90 days daily).")
            .Produces<OpenDataReply<SensorAggregate>>().Produces<string>(contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        open.MapGet("/zones/{resolution}", ZonesAsync).WithName("GetOpenZoneAggregates")
            .WithSummary("Hourly or daily mean and peak persons and density and entries of every zone (format: json|csv).")
            .Produces<OpenDataReply<ZoneAggregate>>().Produces<string>(contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        open.MapGet("/sensors.geojson", SensorsGeoJsonAsync).WithName("GetOpenSensorsGeoJson")
            .WithSummary("The sensors as GeoJSON points, with licence and attribution.").Produces<Docs.OpenSensorsSchema>(contentType: "application/geo+json");
        open.MapGet("/licence", (OpenDataTerms terms) => Results.Ok(terms)).WithName("GetOpenDataLicence")
            .WithSummary("The licence (SPDX id and URL) and the attribution of the open data: the sidecar of the CSV files, which carry no preamble.")
            .Produces<OpenDataTerms>();
        open.MapGet("/zones.geojson", ZonesGeoJsonAsync).WithName("GetOpenZonesGeoJson")
            .WithSummary("The zones as GeoJSON polygons, with licence and attribution.").Produces<Docs.OpenZonesSchema>(contentType: "application/geo+json");
    }

    private static async Task<IResult> SensorAsync(
        string id, string resolution, string? from, string? to, string? format, HttpContext context, IObservationStore store, ClockDtos clocks, OpenDataTerms terms, CancellationToken cancellationToken)
    {
        if (!SensorId.IsValid(id, out var reason))
        {
            return QueryProblems.BadParameter("id", reason);
        }

        if (Parse(resolution, from, to, format, clocks) is not { } q)
        {
            return Bad(resolution, format);
        }

        var batch = await store.ReadObservationsAsync(new ObservationQuery([new SensorId(id)], q.From, q.To), cancellationToken);
        var rows = Aggregation.OfSensor(batch, q.Resolution, clocks.SiteZone);
        return Reply(context, terms, clocks.SiteZone, q, rows, "sensor_id,t,n,sum,mean,min,max", r => $"{id},{r.T},{r.N},{F(r.Sum)},{F(r.Mean)},{F(r.Min)},{F(r.Max)}");
    }

    private static async Task<IResult> ZonesAsync(
        string resolution, string? from, string? to, string? format, HttpContext context, IZoneStore zones, IObservationStore store, ClockDtos clocks, OpenDataTerms terms, CancellationToken cancellationToken)
    {
        if (Parse(resolution, from, to, format, clocks) is not { } q)
        {
            return Bad(resolution, format);
        }

        var rows = new List<ZoneAggregate>();
        foreach (var zone in await zones.ListZonesAsync(cancellationToken))
        {
            var buckets = await ZoneBucketReader.ReadAsync(store, zone, q.From, q.To, TimeSpan.FromMinutes(5), cancellationToken);
            ZoneAggregates.Add(rows, zone, buckets, q.Resolution, clocks.SiteZone);
        }

        return Reply(context, terms, clocks.SiteZone, q, rows, "zone_id,t,mean_persons,peak_persons,mean_density,peak_density,entries",
            r => $"{r.ZoneId},{r.T},{F(r.MeanPersons)},{F(r.PeakPersons)},{F(r.MeanDensity)},{F(r.PeakDensity)},{F(r.Entries)}");
    }

    private static async Task<IResult> SensorsGeoJsonAsync(HttpContext context, IObservationStore store, OpenDataTerms terms, CancellationToken cancellationToken)
    {
        var features = new JsonArray();
        foreach (var sensor in await store.ListSensorsAsync(cancellationToken))
        {
            if (sensor.Location is not { } at)
            {
                continue;
            }

            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = sensor.Id.Value,
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(at.Longitude, at.Latitude) },
                ["properties"] = new JsonObject { ["id"] = sensor.Id.Value, ["name"] = sensor.Name, ["kind"] = Hosting.ApiEnums.Name(sensor.Kind), ["stepSeconds"] = (long)sensor.Step.TotalSeconds },
            });
        }

        return GeoJson(context, terms, new JsonObject { ["type"] = "FeatureCollection", ["features"] = features });
    }

    private static async Task<IResult> ZonesGeoJsonAsync(HttpContext context, IZoneStore zones, OpenDataTerms terms, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ZonesGeoJson.Write(writer, await zones.ListZonesAsync(cancellationToken));
        }

        return GeoJson(context, terms, JsonNode.Parse(buffer.ToArray())!.AsObject());
    }

    private static IResult GeoJson(HttpContext context, OpenDataTerms terms, JsonObject collection)
    {
        collection["licence"] = terms.Licence;
        collection["licenceUrl"] = terms.LicenceUrl;
        collection["attribution"] = terms.Attribution;
        AddLinks(context, terms);
        return Results.Text(collection.ToJsonString(), "application/geo+json", Encoding.UTF8);
    }

    private static IResult Reply<T>(HttpContext context, OpenDataTerms terms, TimeZoneInfo site, OpenQuery q, List<T> rows, string header, Func<T, string> line)
    {
        AddLinks(context, terms);
        if (!q.Csv)
        {
            return Results.Ok(new OpenDataReply<T>(
                terms.Licence, terms.LicenceUrl, terms.Attribution, q.Resolution.ToString().ToLowerInvariant(), SiteTimes.Format(q.From, site), SiteTimes.Format(q.To, site), rows));
        }

        var csv = new StringBuilder();
        csv.Append(header).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(line(row)).Append('\n');
        }

        return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    private static void AddLinks(HttpContext context, OpenDataTerms terms)
    {
        context.Response.Headers.Append("Link", $"<{terms.LicenceUrl}>; rel=\"license\"; title=\"{terms.Licence}\"");
        context.Response.Headers.Append("Link", $"<{SurgewatchServer.ApiPrefix}/open/licence>; rel=\"describedby\"; type=\"application/json\"");
    }

    private static OpenQuery? Parse(string resolution, string? from, string? to, string? format, ClockDtos clocks)
    {
        if (!Enum.TryParse<Resolution>(resolution, ignoreCase: true, out var r) || format is not (null or "json" or "csv")
            || !QueryLabels.TryParse(from, clocks.SiteZone, out var first, out _) || !QueryLabels.TryParse(to, clocks.SiteZone, out var last, out _))
        {
            return null;
        }

        var end = Aggregation.Floor(last ?? clocks.NowLabel(), r) + TimeSpan.FromSeconds(Aggregation.Seconds(r));
        var start = Aggregation.Floor(first ?? end - TimeSpan.FromDays(r == Resolution.Hourly ? 7 : 90), r);
        return end > start && (end - start) <= TimeSpan.FromDays(400) ? new OpenQuery(r, start, end, format == "csv") : null;
    }

    private static IResult Bad(string resolution, string? format) => QueryProblems.BadParameter("query",
        $"use /hourly or /daily (not '{resolution}'), format=json or csv (not '{format}'), ISO-8601 from/to with from before to, at most 400 days apart");

    private static string F(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    private sealed record OpenQuery(Resolution Resolution, TimeLabel From, TimeLabel To, bool Csv);
}
