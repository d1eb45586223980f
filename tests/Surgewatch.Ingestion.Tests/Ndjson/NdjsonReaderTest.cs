using Surgewatch.Ingestion.Ndjson;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Ndjson;

public partial class NdjsonReaderTest
{
    private static readonly Input Sample = Input.Lines(
        """{"sensorId": "1", "timestamp": "2014-01-01T00:00:00", "value": 53}""",
        "",
        """{"value": 12, "timestamp": "2014-01-01T01:00:00", "sensorId": "1"}""",
        """  {"sensorId":"2","timestamp":"2014-01-01T00:00:00","value":0}  """);

    private static readonly string[] SampleRows = ["1@2014-01-01T00:00:00=53", "1@2014-01-01T01:00:00=12", "2@2014-01-01T00:00:00=0"];

    [Fact]
    public void Read_Lines_ReadsEveryReadingInOrder()
    {
        NdjsonReader.Read(Sample.Stream(), "body").Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_GzipCrlfAndBom_ReadsTheSame()
    {
        NdjsonReader.Read(Sample.Gzipped().WithCrlf().WithBom().Stream(), "readings.ndjson.gz").Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_EscapedStrings_AreUnescaped()
    {
        var input = Input.Lines("""{"sensorId": "melb\u003A1", "timestamp": "2014-01-01T00:00:00\u005A", "value": 1e2}""");

        NdjsonReader.Read(input.Stream(), "body").Rows().Should().Equal("melb:1@2014-01-01T00:00:00=100");
    }

    [Fact]
    public void Read_OnlyBlankLines_ReturnsAnEmptyBatch()
    {
        NdjsonReader.Read(new Input("\n \n\r\n").Stream(), "body").Count.Should().Be(0);
    }
}
