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

    private const int MaxPresizedRows = 1 << 16;

    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    public static ObservationBatch ReadFile(string path, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, ReadText);

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>.</summary>
    public static ObservationBatch Read(Stream stream, string source, ReaderOptions? options = null) =>
        InputStreams.ReadStream(stream, source, options, ReadText);

    /// <summary>
    /// Reads NDJSON held in memory (such as a buffered request body) without copying it: the lines are parsed where
    /// they lie. Gzip content is recognised and inflated as by <see cref="Read(Stream, string, ReaderOptions?)"/>;
    /// errors name <paramref name="source"/>.
    /// </summary>
    public static ObservationBatch Read(ArraySegment<byte> utf8, string source, ReaderOptions? options = null)
    {
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            using var compressed = new MemoryStream(utf8.Array ?? [], utf8.Offset, utf8.Count, writable: false);
            return Read(compressed, source, options);
        }

        options ??= ReaderOptions.Default;
        var errors = new InputErrorList(source, options.MaxErrors);
        // One reading per line: the line count sizes the batch, so that it is not grown while it fills (capped, so
        // that a body of blank lines cannot make it reserve much).
        var capacity = Math.Min(utf8.AsSpan().Count((byte)'\n') + 1, MaxPresizedRows);
        return ReadLines(new Utf8RecordReader(utf8, quoteAware: false, errors), new ObservationBuilder(options, errors, capacity), errors);
    }

    internal static ObservationBatch ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        return ReadLines(new Utf8RecordReader(text, quoteAware: false, errors), new ObservationBuilder(options, errors), errors);
    }

    private static ObservationBatch ReadLines(Utf8RecordReader lines, ObservationBuilder builder, InputErrorList errors)
    {
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
