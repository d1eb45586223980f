using System.Text;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public class FormatSnifferTest
{
    [Theory]
    [InlineData("timestamp,sensor_id,count\n2014", InputFormat.LongCsv)]
    [InlineData("\"value\",\"sensorId\",\"timestamp\"", InputFormat.LongCsv)]
    [InlineData("\uFEFFtimestamp,SENSOR_ID,count\r\n", InputFormat.LongCsv)]
    [InlineData("timestamp,sensor_id\n", InputFormat.LongCsv)]
    [InlineData("timestamp,773869,767541\n", InputFormat.WideCsv)]
    [InlineData("a,timestamp", InputFormat.WideCsv)]
    [InlineData("{\"sensorId\": \"1\"", InputFormat.Ndjson)]
    [InlineData("\n\n  {\"value\": 1}", InputFormat.Ndjson)]
    public void TryDetect_FirstLine_TellsTheFormat(string head, InputFormat expected)
    {
        FormatSniffer.TryDetect(Encoding.UTF8.GetBytes(head), out var format).Should().BeTrue();
        format.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("a,b,c\n")]
    [InlineData("[1,2]")]
    public void TryDetect_NoKnownShape_IsFalse(string head)
    {
        FormatSniffer.TryDetect(Encoding.UTF8.GetBytes(head), out _).Should().BeFalse();
    }

    [Fact]
    public void DetectFile_GzipFile_LooksAtTheDecompressedText()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data.bin", Input.Lines("timestamp,a,b").Gzipped());

        FormatSniffer.DetectFile(path).Should().Be(InputFormat.WideCsv);
    }

    [Fact]
    public void DetectFile_UnknownShape_IsRejected()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data.csv", Input.Lines("a,b,c"));

        var e = Rejection.Of(() => FormatSniffer.DetectFile(path));

        e.Lines().Single().Should().StartWith("data.csv line 1: cannot tell the format: expected a long CSV header (timestamp,sensor_id,count)");
    }
}
