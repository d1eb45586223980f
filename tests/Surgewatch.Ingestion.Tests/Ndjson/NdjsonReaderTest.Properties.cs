using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Ndjson;

public partial class NdjsonReaderTest
{
    [Property(MaxTest = 200)]
    public Property Read_WrittenReadings_ReadsThemBackInOrder() =>
        Prop.ForAll(
            Arb.From(from readings in Generators.Readings
                     from style in Generators.Style
                     from order in Gen.Shuffle(new[] { 0, 1, 2 })
                     from blankEvery in Gen.Choose(0, 4)
                     select (readings, style, order, blankEvery)),
            t =>
            {
                var (readings, style, order, blankEvery) = t;
                var input = style.Apply(WriteNdjson(readings, style.UtcMarker, order, blankEvery));

                var batch = NdjsonReader.Read(input.Stream(), "readings.ndjson");

                return batch.Rows().SequenceEqual(readings.Select(r => r.Row));
            });

    [Property(MaxTest = 300)]
    public Property Read_Garbage_OnlyEverRejectsWithLinesInRange() =>
        Prop.ForAll(
            Arb.From(from text in Generators.Garbage("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 1}""") from gzip in Gen.Elements(true, false) select (text, gzip)),
            t => GarbageCheck.OnlyRejects(t.text, t.gzip, s => NdjsonReader.Read(s, "readings.ndjson")));

    private static string WriteNdjson(List<Reading> readings, bool utcMarker, int[] order, int blankEvery)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            string[] properties = [$"\"sensorId\": \"{r.Sensor}\"", $"\"timestamp\": \"{r.Timestamp(utcMarker)}\"", $"\"value\": {r.ValueText}"];
            text.Append('{').AppendJoin(", ", order.Select(p => properties[p])).Append("}\n");
            if (blankEvery > 0 && i % blankEvery == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
