using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class SensorsCsvReaderTest
{
    [Property(MaxTest = 300)]
    public Property Read_Garbage_OnlyEverRejectsWithLinesInRange() =>
        Prop.ForAll(
            Arb.From(from text in Generators.Garbage("sensor_id,name,latitude,longitude") from gzip in Gen.Elements(true, false) select (text, gzip)),
            t => GarbageCheck.OnlyRejects(t.text, t.gzip, s => SensorsCsvReader.Read(s, "sensors.csv")));
}
