using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>Small builders of request bodies and reply readers.</summary>
public static class Bodies
{
    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>A JSON array of <paramref name="hours"/> hourly readings of <paramref name="sensor"/> from 2024-03-01T00:00.</summary>
    public static StringContent HourlyJson(string sensor, int hours)
    {
        var text = new StringBuilder("[");
        for (var h = 0; h < hours; h++)
        {
            text.Append(h == 0 ? "" : ",").Append($"{{\"sensorId\":\"{sensor}\",\"timestamp\":\"2024-03-{1 + (h / 24):00}T{h % 24:00}:00:00\",\"value\":{10 + h}}}");
        }

        return Json(text.Append(']').ToString());
    }

    /// <summary>The text gzip-compressed, sent with <paramref name="mediaType"/> and no Content-Encoding.</summary>
    public static ByteArrayContent Gzip(string text, string mediaType)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>The first <paramref name="length"/> bytes of a gzip body (a body cut off in transit).</summary>
    public static ByteArrayContent Cut(ByteArrayContent gzip, int length)
    {
        var bytes = gzip.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var content = new ByteArrayContent(bytes[..length]);
        content.Headers.ContentType = gzip.Headers.ContentType;
        return content;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
