using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Ndjson;

// Reading a buffer in place (the HTTP ingest path) must give exactly what reading the same bytes as a stream gives.
public partial class NdjsonReaderTest
{
    [Fact]
    public void ReadMemory_SegmentInsideALargerArray_ReadsOnlyTheSegment()
    {
        byte[] before = [.. "{\"sensorId\": \"x\", \"timestamp\": \"2014-01-01T00:00:00\", \"value\": 9}\n"u8];
        byte[] after = [.. "garbage that is not JSON"u8];
        var sample = Sample.Bytes();
        byte[] whole = [.. before, .. sample, .. after];

        var batch = NdjsonReader.Read(new ArraySegment<byte>(whole, before.Length, sample.Length), "body");

        batch.Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void ReadMemory_GzipCrlfAndBom_ReadsTheSame()
    {
        NdjsonReader.Read(Sample.Gzipped().WithCrlf().WithBom().Bytes(), "body").Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void ReadMemory_LastLineWithoutNewline_IsRead()
    {
        var text = """{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 53}"""u8.ToArray();

        NdjsonReader.Read(text, "body").Rows().Should().Equal("1@2014-01-01T00:00:00=53");
    }

    [Fact]
    public void ReadMemory_BadLine_RejectsWithTheSameErrorsAsTheStream()
    {
        var input = Input.Lines(
            """{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 1}""",
            """{"sensorId": "1", "timestamp": "2014-01-01T01:00:00", "value": 2, "imei": "356938035643809"}""");

        var fromMemory = RejectionOf(() => NdjsonReader.Read(input.Bytes(), "body"));
        var fromStream = RejectionOf(() => NdjsonReader.Read(input.Stream(), "body"));

        fromMemory.Should().NotBeEmpty().And.Equal(fromStream);
        fromMemory[0].Line.Should().Be(2);
    }

    [Fact]
    public void ReadMemory_SameSensorsInALaterInput_ReadTheSameAndAPersonalIdIsStillRefused()
    {
        var clean = Input.Lines("""{"sensorId": "gate-7", "timestamp": "2014-01-01T00:00:00", "value": 3}""").Bytes();
        var personal = Input.Lines("""{"sensorId": "00:1a:2b:3c:4d:5e", "timestamp": "2014-01-01T00:00:00", "value": 3}""").Bytes();

        NdjsonReader.Read(clean, "first").Rows().Should().Equal(NdjsonReader.Read(clean, "second").Rows());
        for (var attempt = 0; attempt < 2; attempt++)
        {
            RejectionOf(() => NdjsonReader.Read(personal, "body")).Should().ContainSingle().Which.Message.Should().Contain("MAC address");
        }
    }

    [Property(MaxTest = 300)]
    public Property ReadMemory_AnyText_SameOutcomeAsTheStreamReader() =>
        Prop.ForAll(
            Arb.From(from text in Generators.Garbage("""{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 1}""") from gzip in Gen.Elements(true, false) select (text, gzip)),
            t =>
            {
                var bytes = t.gzip ? Input.Compress(t.text) : t.text;
                return Outcome(() => NdjsonReader.Read(bytes, "body")) == Outcome(() => NdjsonReader.Read(new MemoryStream(bytes), "body"));
            });

    private static List<InputError> RejectionOf(Action read)
    {
        try
        {
            read();
            return [];
        }
        catch (InputRejectedException e)
        {
            return [.. e.Errors];
        }
    }

    private static string Outcome(Func<Core.Series.ObservationBatch> read)
    {
        try
        {
            return string.Join('\n', read().Rows());
        }
        catch (InputRejectedException e)
        {
            return "rejected: " + string.Join('\n', e.Errors);
        }
    }
}
