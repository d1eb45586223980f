using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// Reads wide CSV, one line per timestamp: a <c>timestamp</c> column and one column per sensor, headed by the
/// sensor's id. An empty cell is a missing reading and adds nothing. Plain or gzip. An input with any bad line
/// is rejected whole with <see cref="InputRejectedException"/>.
/// </summary>
public static class WideCsvReader
{
    private const string Expected = "timestamp,<sensor id>,<sensor id>,...";

    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    public static ObservationBatch ReadFile(string path, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, ReadText);

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>.</summary>
    public static ObservationBatch Read(Stream stream, string source, ReaderOptions? options = null) =>
        InputStreams.ReadStream(stream, source, options, ReadText);

    internal static ObservationBatch ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var csv = new CsvRecordReader(text, errors);
        var builder = new ObservationBuilder(options, errors);
        if (CsvHeader.Read(csv, errors, Expected) is not { } names || Columns(names, csv.Line, builder, errors) is not { } columns || errors.Any)
        {
            throw errors.Rejection();
        }

        var kinds = Array.ConvertAll(columns.SensorOf, sensor => sensor >= 0 ? builder.KindOf(sensor) : options.Kind);
        var rows = new WideRows(csv, names, columns, kinds, options, errors);
        while (csv.TryRead())
        {
            rows.Add(builder.Batch);
        }

        return builder.Finish();
    }

    /// <summary>The timestamp column and, for every column, its sensor's batch index (-1 for the timestamp column).</summary>
    private static WideColumns? Columns(string[] names, int line, ObservationBuilder builder, InputErrorList errors)
    {
        var timestamp = -1;
        var sensorOf = new int[names.Length];
        var columnOf = new Dictionary<int, int>();
        for (var i = 0; i < names.Length; i++)
        {
            sensorOf[i] = -1;
            if (CsvHeader.Is(names[i], "timestamp"))
            {
                CsvHeader.Claim(ref timestamp, i, names, line, errors);
            }
            else if (!builder.Sensors.TryParse(names[i], out sensorOf[i], out var problem))
            {
                errors.Add(line, names[i], $"a column of a wide CSV is headed by a sensor id, but {problem}");
            }
            else if (!columnOf.TryAdd(sensorOf[i], i))
            {
                errors.Add(line, names[i], $"sensor '{names[i]}' heads columns {columnOf[sensorOf[i]] + 1} and {i + 1}");
            }
        }

        CsvHeader.RequirePresent(timestamp, "timestamp", line, Expected, errors);
        return timestamp < 0 ? null : new WideColumns(timestamp, sensorOf);
    }

    private sealed record WideColumns(int Timestamp, int[] SensorOf);

    /// <summary>Adds the readings of one line at a time, refusing a timestamp given on two lines.</summary>
    private sealed class WideRows(CsvRecordReader csv, string[] names, WideColumns columns, SensorKind[] kinds, ReaderOptions options, InputErrorList errors)
    {
        private readonly TimestampParser _timestamps = new(options.SiteZone);
        private readonly Dictionary<long, int> _lineOf = [];

        public void Add(ObservationBatch batch)
        {
            if (csv.Problem is { } problem)
            {
                errors.Add(csv.Line, CsvHeader.NameOf(names, csv.ProblemField), problem);
                return;
            }

            if (csv.FieldCount != names.Length)
            {
                errors.Add(csv.Line, null, $"expected {names.Length} fields, one per header column, but found {csv.FieldCount}");
                return;
            }

            if (TryTimestamp(out var label))
            {
                AddCells(batch, label);
            }
        }

        private bool TryTimestamp(out TimeLabel label)
        {
            if (!_timestamps.TryParse(csv[columns.Timestamp], out label, out var problem))
            {
                errors.Add(csv.Line, names[columns.Timestamp], problem);
                return false;
            }

            if (!_lineOf.TryAdd(label.Seconds, csv.Line))
            {
                errors.Add(csv.Line, names[columns.Timestamp], $"{label} was already given on line {_lineOf[label.Seconds]}");
                return false;
            }

            return true;
        }

        private void AddCells(ObservationBatch batch, TimeLabel label)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var cell = csv[i];
                if (i == columns.Timestamp || Utf8Text.Trim(cell).IsEmpty)
                {
                    continue;
                }

                if (ValueParser.TryParse(cell, kinds[i], out var value, out var problem))
                {
                    batch.Add(columns.SensorOf[i], label, value);
                }
                else
                {
                    errors.Add(csv.Line, names[i], problem);
                }
            }
        }
    }
}
