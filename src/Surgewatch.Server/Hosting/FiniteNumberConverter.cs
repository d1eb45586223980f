using System.Text.Json;
using System.Text.Json.Serialization;
using Surgewatch.Server.Metrics;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// The one place a reply's numbers are checked: JSON has no infinity or NaN, and System.Text.Json throws on them,
/// which would turn one bad number into a 500 on every read of the view that holds it, for as long as it is stored.
/// A non-finite number is written as null instead, counted (<c>surgewatch_nonfinite_numbers_written_total</c>) and
/// logged, since it is always a defect upstream (ingest bounds every value, <see cref="Core.Series.PlausibleValues"/>).
/// Registered for the HTTP API and the live hub; it applies to <see cref="double"/> and <c>double?</c> alike.
/// </summary>
internal sealed class FiniteNumberConverter(ServerMetrics metrics, ILogger logger) : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
            return;
        }

        writer.WriteNullValue();
        var count = metrics.CountNonFiniteNumber();

        // Logged at 1, 2, 4, 8, … occurrences, so that a defect is seen without flooding the log.
        if ((count & (count - 1)) == 0)
        {
            logger.LogWarning("A reply held a number that is not finite ({Value}); it was written as null ({Count} so far). This is a defect: please report it.", value, count);
        }
    }
}
