using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public partial class ObservationReaderTest
{
    [Property(MaxTest = 300)]
    public Property Read_Garbage_OnlyEverRejectsWithLinesInRange() =>
        Prop.ForAll(
            Arb.From(from header in Gen.Elements("timestamp,sensor_id,count", "timestamp,a", "{\"value\": 1}")
                     from text in Generators.Garbage(header)
                     from gzip in Gen.Elements(true, false)
                     select (text, gzip)),
            t => GarbageCheck.OnlyRejects(t.text, t.gzip, s => ObservationReader.Read(s, "body")));

    [Property(MaxTest = 100)]
    public Property Read_CorruptGzip_OnlyEverRejects() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()), tail => GarbageCheck.OnlyRejectsCorruptGzip(tail, s => ObservationReader.Read(s, "body")));
}
