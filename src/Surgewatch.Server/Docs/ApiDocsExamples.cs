using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Surgewatch.Server.Docs;

/// <summary>
/// Request examples in the OpenAPI document for the writes an integrator starts with, in each media type they accept
/// (the reference UI shows them and fills "Test request" with them). Replies get examples generated from their schemas.
/// </summary>
internal static class ApiDocsExamples
{
    private const string ZoneFeature = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.9631,-37.8136],[144.9640,-37.8136],[144.9640,-37.8129],[144.9631,-37.8129],[144.9631,-37.8136]]]},
         "properties":{"id":"station-forecourt","name":"Station Forecourt","widthM":20,"capacity":2400,
          "sources":[{"sensorId":"forecourt-occ","role":"occupancy"},{"sensorId":"forecourt-in","role":"lineIn"},{"sensorId":"forecourt-out","role":"lineOut"}]}}
        """;

    private const string RoadEdges = "from_id,to_id,weight\n773869,767541,0.51\n767541,773869,0.51\n767541,767542,0.92\n";

    // Operation id → media type → example (JSON text for JSON types, plain text otherwise).
    private static readonly Dictionary<string, Dictionary<string, string>> Requests = new(StringComparer.Ordinal)
    {
        ["PostReadings"] = new()
        {
            ["application/json"] = """[{"sensorId":"bourke-mall-north","timestamp":"2026-03-14T18:00:00+11:00","value":1840},{"sensorId":"bourke-mall-north","timestamp":"2026-03-14T19:00:00+11:00","value":2143}]""",
            ["application/x-ndjson"] = "{\"sensorId\":\"bourke-mall-north\",\"timestamp\":\"2026-03-14T18:00:00+11:00\",\"value\":1840}\n{\"sensorId\":\"bourke-mall-north\",\"timestamp\":\"2026-03-14T19:00:00+11:00\",\"value\":2143}\n",
            ["text/csv"] = "timestamp,sensor_id,count\n2026-03-14T18:00:00+11:00,bourke-mall-north,1840\n2026-03-14T19:00:00+11:00,bourke-mall-north,2143\n",
        },
        ["PutRoadEdges"] = new() { ["text/csv"] = RoadEdges },
        ["PostRoadEdges"] = new() { ["text/csv"] = RoadEdges },
        ["PostZones"] = new() { ["application/geo+json"] = $$"""{"type":"FeatureCollection","features":[{{ZoneFeature}}]}""" },
        ["PutZone"] = new() { ["application/geo+json"] = ZoneFeature },
        ["PostSilence"] = new() { ["application/json"] = """{"zoneId":"station-forecourt","startsAt":"2026-03-14T18:00:00+11:00","endsAt":"2026-03-14T20:00:00+11:00","comment":"Planned evacuation drill"}""" },
        ["CreateKey"] = new() { ["application/json"] = """{"name":"north gate counters","role":"ingest"}""" },
        ["PostClock"] = new() { ["application/json"] = """{"speed":120,"paused":false}""" },
        ["AcknowledgeAlert"] = new() { ["application/json"] = """{"note":"Stewards sent to the north gate"}""" },
    };

    public static void Configure(OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is { } id && Requests.TryGetValue(id, out var examples) && operation.RequestBody?.Content is { } content)
            {
                foreach (var (mediaType, example) in examples)
                {
                    if (content.TryGetValue(mediaType, out var media))
                    {
                        // NDJSON and CSV are text; only a JSON type's example is a JSON value.
                        media.Example = mediaType is "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) ? JsonNode.Parse(example) : JsonValue.Create(example);
                    }
                }
            }

            return Task.CompletedTask;
        });
}
