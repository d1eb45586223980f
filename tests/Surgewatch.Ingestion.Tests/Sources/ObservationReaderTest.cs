using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public partial class ObservationReaderTest
{
    public static TheoryData<string> SameReadingsInEveryFormat => new()
    {
        "timestamp,sensor_id,count\n2014-01-01T00:00:00,a,1\n2014-01-01T00:00:00,b,2\n",
        "timestamp,a,b\n2014-01-01T00:00:00,1,2\n",
        "{\"sensorId\":\"a\",\"timestamp\":\"2014-01-01T00:00:00\",\"value\":1}\n{\"sensorId\":\"b\",\"timestamp\":\"2014-01-01T00:00:00\",\"value\":2}\n",
    };

    [Theory]
    [MemberData(nameof(SameReadingsInEveryFormat))]
    public void Read_AnyFormatFromAForwardOnlyGzipStream_ReadsTheReadings(string text)
    {
        var stream = new ForwardOnlyStream(new Input(text).Gzipped().WithBom().Bytes(), chunk: 3);

        ObservationReader.Read(stream, "body").Rows().Should().Equal("a@2014-01-01T00:00:00=1", "b@2014-01-01T00:00:00=2");
    }

    [Theory]
    [MemberData(nameof(SameReadingsInEveryFormat))]
    public void ReadFile_AnyFormat_ReadsTheReadings(string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write("upload", new Input(text));

        ObservationReader.ReadFile(path).Rows().Should().Equal("a@2014-01-01T00:00:00=1", "b@2014-01-01T00:00:00=2");
    }

    [Fact]
    public void Read_EmptyInput_IsRejected()
    {
        var e = Rejection.Of(() => ObservationReader.Read(new MemoryStream(), "body"));

        e.Lines().Single().Should().StartWith("body line 1: the input is empty: expected a long CSV header");
    }

    [Fact]
    public void Read_CorruptGzipHead_IsRejected()
    {
        var e = Rejection.Of(() => ObservationReader.Read(new MemoryStream([0x1F, 0x8B, 0x00, 0x01, 0x02]), "body"));

        e.Lines().Single().Should().StartWith("body line 1: the compressed data is corrupt");
    }

    [Fact]
    public void Read_CallersStream_IsLeftOpen()
    {
        var stream = new MemoryStream(new Input("timestamp,a\n").Bytes());

        ObservationReader.Read(stream, "body");

        stream.CanRead.Should().BeTrue();
    }
}
