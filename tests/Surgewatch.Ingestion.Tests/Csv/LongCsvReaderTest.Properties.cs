using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class LongCsvReaderTest
{
    [Property(MaxTest = 200)]
    public Property Read_WrittenReadings_ReadsThemBackInOrder() =>
        Prop.ForAll(
            Arb.From(from readings in Generators.Readings
                     from style in Generators.Style
                     from order in Gen.Shuffle(new[] { 0, 1, 2 })
                     from names in Gen.Elements(("sensor_id", "count"), ("sensorId", "value"))
                     select (readings, style, order, names)),
            t =>
            {
                var (readings, style, order, (sensorName, valueName)) = t;
                var input = style.Apply(WriteLong(readings, style, order, sensorName, valueName));

                var batch = LongCsvReader.Read(input.Stream(), "counts.csv");

                return batch.Rows().SequenceEqual(readings.Select(r => r.Row));
            });

    [Property(MaxTest = 300)]
    public Property Read_Garbage_OnlyEverRejectsWithLinesInRange() =>
        Prop.ForAll(
            Arb.From(from text in Generators.Garbage("timestamp,sensor_id,count") from gzip in Gen.Elements(true, false) select (text, gzip)),
            t => GarbageCheck.OnlyRejects(t.text, t.gzip, s => LongCsvReader.Read(s, "counts.csv")));

    [Property(MaxTest = 100)]
    public Property Read_CorruptGzip_OnlyEverRejects() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()), tail => GarbageCheck.OnlyRejectsCorruptGzip(tail, s => LongCsvReader.Read(s, "counts.csv.gz")));

    private static string WriteLong(List<Reading> readings, Style style, int[] order, string sensorName, string valueName)
    {
        var text = new System.Text.StringBuilder();
        string[] header = ["timestamp", sensorName, valueName];
        text.AppendJoin(',', order.Select(i => style.Field(header[i]))).Append('\n');
        foreach (var r in readings)
        {
            string[] fields = [r.Timestamp(style.UtcMarker), r.Sensor, r.ValueText];
            text.AppendJoin(',', order.Select(i => style.Field(fields[i]))).Append('\n');
        }

        return text.ToString();
    }
}
