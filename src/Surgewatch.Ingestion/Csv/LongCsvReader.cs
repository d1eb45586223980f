using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// Reads long CSV, one reading per line: <c>timestamp,sensor_id,count</c> in any column order, where the value
/// column may be called <c>count</c> or <c>value</c> and <c>sensorId</c> may stand for <c>sensor_id</c>.
/// Plain or gzip. An input with any bad line is rejected whole with <see cref="InputRejectedException"/>.
/// </summary>
public static class LongCsvReader
{
    private const string Expected = "timestamp,sensor_id,count";
    private const string Schema = "a long CSV has exactly the columns timestamp, sensor_id (or sensorId) and count (or value)";

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
        if (CsvHeader.Read(csv, errors, Expected) is not { } names || Columns(names, csv.Line, errors) is not { } columns || errors.Any)
        {
            throw errors.Rejection();
        }

        var builder = new ObservationBuilder(options, errors);
        ReadRows(csv, names, columns, builder, errors);
        return builder.Finish();
    }

    private static void ReadRows(CsvRecordReader csv, string[] names, LongCsvColumns columns, ObservationBuilder builder, InputErrorList errors)
    {
        while (csv.TryRead())
        {
            if (CsvHeader.IsWellFormed(csv, names, errors))
            {
                builder.Add(csv[columns.Sensor], csv[columns.Timestamp], csv[columns.Value], csv.Line, columns.Names);
            }
        }
    }

    private static LongCsvColumns? Columns(string[] names, int line, InputErrorList errors)
    {
        int timestamp = -1, sensor = -1, value = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (CsvHeader.Is(names[i], "timestamp"))
            {
                CsvHeader.Claim(ref timestamp, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "sensor_id", "sensorId"))
            {
                CsvHeader.Claim(ref sensor, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "count", "value"))
            {
                CsvHeader.Claim(ref value, i, names, line, errors);
            }
            else
            {
                CsvHeader.RefuseUnknown(names[i], line, Schema, errors);
            }
        }

        CsvHeader.RequirePresent(timestamp, "timestamp", line, Expected, errors);
        CsvHeader.RequirePresent(sensor, "sensor_id", line, Expected, errors);
        CsvHeader.RequirePresent(value, "count", line, Expected, errors);
        return timestamp < 0 || sensor < 0 || value < 0
            ? null
            : new LongCsvColumns(timestamp, sensor, value, new FieldNames(names[sensor], names[timestamp], names[value]));
    }

    private sealed record LongCsvColumns(int Timestamp, int Sensor, int Value, FieldNames Names);
}
