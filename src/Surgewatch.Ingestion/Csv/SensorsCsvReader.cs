using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Csv;

/// <summary>
/// Reads a sensor list: <c>sensor_id,name,latitude,longitude</c> (Melbourne) or <c>index,sensor_id,latitude,longitude</c>
/// (Los-loop). Only <c>sensor_id</c> is required; <c>index</c> is ignored, a missing name defaults to the id,
/// and other columns are ignored unless they look like personal data, which is refused, as is a name holding a
/// personal identifier (a phone number, an e-mail address …). Kind and step come from
/// the options (pedestrian counts, hourly, by default).
/// </summary>
public static class SensorsCsvReader
{
    private const string Expected = "sensor_id,name,latitude,longitude";

    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    public static IReadOnlyList<Sensor> ReadFile(string path, ReaderOptions? options = null) =>
        InputStreams.ReadFile(path, options, ReadText);

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>.</summary>
    public static IReadOnlyList<Sensor> Read(Stream stream, string source, ReaderOptions? options = null) =>
        InputStreams.ReadStream(stream, source, options, ReadText);

    internal static IReadOnlyList<Sensor> ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var csv = new CsvRecordReader(text, errors);
        if (CsvHeader.Read(csv, errors, Expected) is not { } names || Columns(names, csv.Line, errors) is not { } columns || errors.Any)
        {
            throw errors.Rejection();
        }

        var rows = new SensorRows(csv, names, columns, options, errors);
        while (csv.TryRead())
        {
            rows.Add();
        }

        errors.ThrowIfAny();
        return rows.Sensors;
    }

    private static SensorColumns? Columns(string[] names, int line, InputErrorList errors)
    {
        int sensor = -1, name = -1, latitude = -1, longitude = -1, index = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (CsvHeader.Is(names[i], "sensor_id", "sensorId"))
            {
                CsvHeader.Claim(ref sensor, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "name"))
            {
                CsvHeader.Claim(ref name, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "latitude"))
            {
                CsvHeader.Claim(ref latitude, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "longitude"))
            {
                CsvHeader.Claim(ref longitude, i, names, line, errors);
            }
            else if (CsvHeader.Is(names[i], "index"))
            {
                CsvHeader.Claim(ref index, i, names, line, errors);
            }
            else if (PrivacyGuard.IsIdentifierLikeFieldName(names[i], out var reason))
            {
                errors.Add(line, names[i], reason);
            }
        }

        CsvHeader.RequirePresent(sensor, "sensor_id", line, Expected, errors);
        if ((latitude < 0) != (longitude < 0))
        {
            errors.Add(line, null, "the header has only one of 'latitude' and 'longitude'; give both or neither");
        }

        return sensor < 0 ? null : new SensorColumns(sensor, name, latitude, longitude);
    }

    private sealed record SensorColumns(int Sensor, int Name, int Latitude, int Longitude);

    /// <summary>Turns lines into sensors, refusing an id given on two lines.</summary>
    private sealed class SensorRows(CsvRecordReader csv, string[] names, SensorColumns columns, ReaderOptions options, InputErrorList errors)
    {
        private readonly Dictionary<SensorId, int> _lineOf = [];

        public List<Sensor> Sensors { get; } = [];

        public void Add()
        {
            if (CsvHeader.IsWellFormed(csv, names, errors))
            {
                var idOk = TryId(out var id);
                var nameOk = TryName(out var name);
                var locationOk = TryLocation(out var location);
                if (idOk && nameOk && locationOk)
                {
                    Sensors.Add(new Sensor(id, name ?? id.Value, location, options.Kind, options.Step ?? Sensor.Hourly));
                }
            }
        }

        private bool TryId(out SensorId id)
        {
            var text = Encoding.UTF8.GetString(Utf8Text.Trim(csv[columns.Sensor]));
            if (!SensorIdParser.TryCheck(text, out id, out var problem))
            {
                errors.Add(csv.Line, names[columns.Sensor], problem);
                return false;
            }

            if (!_lineOf.TryAdd(id, csv.Line))
            {
                errors.Add(csv.Line, names[columns.Sensor], $"sensor '{id}' was already given on line {_lineOf[id]}");
                return false;
            }

            return true;
        }

        private bool TryName(out string? name)
        {
            name = null;
            if (columns.Name < 0)
            {
                return true;
            }

            var bytes = Utf8Text.Trim(csv[columns.Name]);
            if (!Utf8.IsValid(bytes))
            {
                errors.Add(csv.Line, names[columns.Name], "the name is not valid UTF-8 text");
                return false;
            }

            name = bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);
            if (name is not null && PrivacyGuard.ContainsPersonalIdentifier(name, out var reason))
            {
                errors.Add(csv.Line, names[columns.Name], reason);
                return false;
            }

            return true;
        }

        private bool TryLocation(out GeoPoint? location)
        {
            location = null;
            if (columns.Latitude < 0)
            {
                return true;
            }

            var latitudeText = Utf8Text.Trim(csv[columns.Latitude]);
            var longitudeText = Utf8Text.Trim(csv[columns.Longitude]);
            if (latitudeText.IsEmpty && longitudeText.IsEmpty)
            {
                return true;
            }

            var latitudeOk = TryCoordinate(columns.Latitude, 90, out var latitude);
            var longitudeOk = TryCoordinate(columns.Longitude, 180, out var longitude);
            if (latitudeOk && longitudeOk)
            {
                location = new GeoPoint(latitude, longitude);
            }

            return latitudeOk && longitudeOk;
        }

        private bool TryCoordinate(int column, double limit, out double degrees)
        {
            var text = csv[column];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out degrees) || !double.IsFinite(degrees))
            {
                var what = Utf8Text.Trim(text).IsEmpty ? "the coordinate is empty" : $"{Utf8Text.Quote(text)} is not a number";
                errors.Add(csv.Line, names[column], $"{what}; give both coordinates in decimal degrees or leave both empty");
                return false;
            }

            if (Math.Abs(degrees) > limit)
            {
                errors.Add(csv.Line, names[column], $"{Utf8Text.Quote(text)} is outside [-{limit}, {limit}] degrees");
                return false;
            }

            return true;
        }
    }
}
