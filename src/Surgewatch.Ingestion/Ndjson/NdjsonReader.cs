using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Ndjson;

/// <summary>
/// Reads newline-delimited JSON, one reading per line, in exactly the public shape
/// <c>{"sensorId": "...", "timestamp": "ISO-8601", "value": 123}</c>. Blank lines are allowed; any other
/// property is refused. Plain or gzip. An input with any bad line is rejected whole with
/// <see cref="InputRejectedException"/>.
/// </summary>
public static class NdjsonReader
{
    internal static readonly FieldNames Names = new("sensorId", "timestamp", "value");

    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    public static ObservationBatch ReadFile(string path, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, ReadText);

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>.</summary>
    public static ObservationBatch Read(Stream stream, string source, ReaderOptions? options = null) =>
        InputStreams.ReadStream(stream, source, options, ReadText);

    internal static ObservationBatch ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var lines = new Utf8RecordReader(text, quoteAware: false, errors);
        var builder = new ObservationBuilder(options, errors);
        var parser = new NdjsonLineParser(errors);
        while (lines.TryRead())
        {
            var line = lines.Current;
            if (parser.TryParse(line, lines.Line))
            {
                builder.Add(parser.SensorId(line), parser.Timestamp(line), parser.Value(line), lines.Line, Names);
            }
        }

        return builder.Finish();
    }
}
