using Microsoft.Net.Http.Headers;

namespace Surgewatch.Server.Readings;

/// <summary>The body formats <c>POST /api/v1/readings</c> accepts.</summary>
internal enum IngestFormat
{
    JsonArray,
    Ndjson,
    Csv,
}

/// <summary>Maps a Content-Type to an <see cref="IngestFormat"/>.</summary>
internal static class IngestFormats
{
    public const string Accepted = "application/json, application/x-ndjson (or application/jsonl) and text/csv";

    public static IngestFormat? Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => IngestFormat.JsonArray,
            "application/x-ndjson" or "application/jsonl" or "application/ndjson" => IngestFormat.Ndjson,
            "text/csv" => IngestFormat.Csv,
            _ => null,
        };
    }
}
