using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class WideCsvReaderTest
{
    [Property(MaxTest = 200)]
    public Property Read_WrittenReadings_ReadsThemBackRowByRow() =>
        Prop.ForAll(
            Arb.From(from readings in Generators.Readings from style in Generators.Style select (readings, style)),
            t =>
            {
                var (readings, style) = t;
                var sensors = readings.Select(r => r.Sensor).Distinct().ToList();
                var times = readings.Select(r => r.Seconds).Distinct().ToList();
                var cells = readings.ToDictionary(r => (r.Sensor, r.Seconds));
                var input = style.Apply(WriteWide(sensors, times, cells, style));

                var batch = WideCsvReader.Read(input.Stream(), "readings.csv");

                var expected = times.SelectMany(time => sensors.Where(s => cells.ContainsKey((s, time))).Select(s => cells[(s, time)].Row));
                return batch.Rows().SequenceEqual(expected);
            });

    [Property(MaxTest = 300)]
    public Property Read_Garbage_OnlyEverRejectsWithLinesInRange() =>
        Prop.ForAll(
            Arb.From(from text in Generators.Garbage("timestamp,a,b") from gzip in Gen.Elements(true, false) select (text, gzip)),
            t => GarbageCheck.OnlyRejects(t.text, t.gzip, s => WideCsvReader.Read(s, "readings.csv")));

    private static string WriteWide(List<string> sensors, List<long> times, Dictionary<(string, long), Reading> cells, Style style)
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin(',', sensors.Prepend("timestamp").Select(style.Field)).Append('\n');
        foreach (var time in times)
        {
            var any = cells.Values.First(r => r.Seconds == time);
            var row = sensors.Select(s => cells.TryGetValue((s, time), out var r) ? r.ValueText : string.Empty);
            text.AppendJoin(',', row.Prepend(any.Timestamp(style.UtcMarker)).Select(style.Field)).Append('\n');
        }

        return text.ToString();
    }
}
