using System.Text;
using System.Text.Json;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>Edge readings as ingest NDJSON: one <c>{"sensorId","timestamp","value"}</c> per line, nothing else.</summary>
public static class ReadingsNdjson
{
    // Sensor ids and times are ours; relaxed escaping keeps the '+' of an offset readable.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The lines for <paramref name="readings"/>, each ending in a newline.</summary>
    public static string Format(IEnumerable<EdgeReading> readings)
    {
        var text = new StringBuilder();
        using var buffer = new MemoryStream();
        foreach (var reading in readings)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("sensorId", reading.SensorId);
                json.WriteString("timestamp", reading.Timestamp.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber("value", reading.Value);
                json.WriteEndObject();
            }

            text.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }

        return text.ToString();
    }
}
