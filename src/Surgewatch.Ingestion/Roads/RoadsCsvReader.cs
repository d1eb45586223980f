using System.Globalization;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Privacy;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.Roads;

/// <summary>
/// Reads a roads file: CSV with the header <c>sensor_id,free_flow,slowing,congested,jammed</c>, one road sensor per
/// line. <c>free_flow</c> is its free-flow speed in the unit of its readings (empty: estimated from its history);
/// <c>slowing</c>, <c>congested</c> and <c>jammed</c> are ratios of free flow (empty: the defaults 0.8, 0.6 and 0.4),
/// with 1 ≥ slowing &gt; congested &gt; jammed &gt; 0. Lines starting with <c>#</c> are comments. A file with any bad
/// line is rejected whole, every error naming its line and field.
/// </summary>
public static class RoadsCsvReader
{
    /// <summary>The header row every roads file starts with.</summary>
    public static readonly IReadOnlyList<string> Header = ["sensor_id", "free_flow", "slowing", "congested", "jammed"];

    private static readonly string[] HeaderArray = [.. Header];

    /// <summary>Reads the file at <paramref name="path"/>; errors name the file.</summary>
    /// <exception cref="InputRejectedException">Some lines are invalid; every problem is listed with its line and field.</exception>
    public static IReadOnlyList<RoadSettings> ReadFile(string path) => InputStreams.ReadFile(path, null, ReadText);

    /// <summary>Reads <paramref name="stream"/> (left open; plain or gzip); errors name <paramref name="source"/>.</summary>
    /// <exception cref="InputRejectedException">Some lines are invalid; every problem is listed with its line and field.</exception>
    public static IReadOnlyList<RoadSettings> Read(Stream stream, string source) => InputStreams.ReadStream(stream, source, null, ReadText);

    private static List<RoadSettings> ReadText(Stream text, string source, ReaderOptions options)
    {
        var errors = new InputErrorList(source, options.MaxErrors);
        var roads = new List<RoadSettings>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CommentedCsv.ReadRows(text, HeaderArray, errors))
        {
            if (ReadRoad(row, errors) is { } road)
            {
                if (seen.TryGetValue(road.Sensor.Value, out var first))
                {
                    errors.Add(row.Line, "sensor_id", $"\"{road.Sensor}\" is already set on line {first}; give each sensor one line");
                    continue;
                }

                seen[road.Sensor.Value] = row.Line;
                roads.Add(road);
            }
        }

        errors.ThrowIfAny();
        return roads;
    }

    private static RoadSettings? ReadRoad(CommentedCsv.Row row, InputErrorList errors)
    {
        var before = errors.Count;
        var (f, line) = (row.Fields, row.Line);
        SensorId? sensor = null;
        if (!SensorId.IsValid(f[0], out var invalid))
        {
            errors.Add(line, "sensor_id", $"\"{f[0]}\" is not a valid sensor id: {invalid}");
        }
        else if (PrivacyGuard.IsPersonalIdentifierValue(f[0], out var personal))
        {
            errors.Add(line, "sensor_id", personal);
        }
        else
        {
            sensor = new SensorId(f[0]);
        }

        var freeFlow = Number(f[1], line, "free_flow", errors, "a speed above zero", v => v > 0 && v <= PlausibleValues.MaxSpeed);
        var slowing = Number(f[2], line, "slowing", errors, "a ratio of free flow in (0, 1]", Ratio) ?? CongestionLadder.Default.Slowing;
        var congested = Number(f[3], line, "congested", errors, "a ratio of free flow in (0, 1]", Ratio) ?? CongestionLadder.Default.Congested;
        var jammed = Number(f[4], line, "jammed", errors, "a ratio of free flow in (0, 1]", Ratio) ?? CongestionLadder.Default.Jammed;
        if (errors.Count > before || sensor is not { } id)
        {
            return null;
        }

        if (!(slowing > congested && congested > jammed))
        {
            errors.Add(line, "congested", $"the ratios must fall from slowing to jammed (slowing {F(slowing)} > congested {F(congested)} > jammed {F(jammed)}); an empty ratio takes its default");
            return null;
        }

        return new RoadSettings(id, freeFlow, new CongestionLadder(slowing, congested, jammed));
    }

    private static bool Ratio(double value) => value is > 0 and <= 1;

    private static double? Number(string text, int line, string field, InputErrorList errors, string what, Func<double, bool> valid)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && valid(value))
        {
            return value;
        }

        errors.Add(line, field, $"\"{text}\" is not {what} (a plain decimal number, or leave it empty for the default)");
        return null;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
