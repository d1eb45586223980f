using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class LongCsvReaderTest
{
    private static readonly Input Sample = Input.Lines(
        "timestamp,sensor_id,count",
        "2014-01-01T00:00:00,1,53",
        "2014-01-01T00:00:00,2,0",
        "2014-01-01T01:00:00,1,12");

    private static readonly string[] SampleRows = ["1@2014-01-01T00:00:00=53", "2@2014-01-01T00:00:00=0", "1@2014-01-01T01:00:00=12"];

    [Fact]
    public void Read_PlainText_ReturnsEveryRowInOrder()
    {
        var batch = LongCsvReader.Read(Sample.Stream(), "counts.csv");

        batch.Rows().Should().Equal(SampleRows);
        batch.Sensors.Should().Equal(new SensorId("1"), new SensorId("2"));
    }

    [Fact]
    public void Read_GzipCrlfAndBom_ReadsTheSame()
    {
        var batch = LongCsvReader.Read(Sample.Gzipped().WithCrlf().WithBom().Stream(), "counts.csv.gz");

        batch.Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_ForwardOnlyGzipStream_ReadsTheSame()
    {
        var batch = LongCsvReader.Read(new ForwardOnlyStream(Sample.Gzipped().Bytes()), "body");

        batch.Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void ReadFile_GzipWithoutGzName_IsDetectedByMagicBytes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("counts.csv", Sample.Gzipped());

        LongCsvReader.ReadFile(path).Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithAliases_ReadsTheSame()
    {
        var input = Input.Lines(
            "value,timestamp,sensorId",
            "53,2014-01-01T00:00:00,1",
            "0,2014-01-01T00:00:00,2",
            "12,2014-01-01T01:00:00,1");

        LongCsvReader.Read(input.Stream(), "counts.csv").Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_QuotedFields_AreUnquoted()
    {
        var input = Input.Lines("\"timestamp\",\"sensor_id\",\"count\"", "\"2014-01-01T00:00:00\",\"melb:1\",\"53\"");

        LongCsvReader.Read(input.Stream(), "counts.csv").Rows().Should().Equal("melb:1@2014-01-01T00:00:00=53");
    }

    [Fact]
    public void Read_OffsetTimestamps_BecomeLabelsOfTheSiteZone()
    {
        var melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
        var input = Input.Lines("timestamp,sensor_id,count", "2014-01-01T00:00:00Z,1,5", "2014-01-01T00:00:00+10:00,2,6", "2014-01-01T00:00:00,3,7");

        var batch = LongCsvReader.Read(input.Stream(), "counts.csv", new ReaderOptions { SiteZone = melbourne });

        batch.Rows().Should().Equal("1@2014-01-01T11:00:00=5", "2@2014-01-01T01:00:00=6", "3@2014-01-01T00:00:00=7");
    }

    [Fact]
    public void Read_NumberForms_AreParsedInvariantly()
    {
        var input = Input.Lines("timestamp,sensor_id,value", "2014-01-01T00:00:00,a,1e2", "2014-01-01T00:00:00,b, 7 ", "2014-01-01T00:00:00,c,2.5");

        var batch = LongCsvReader.Read(input.Stream(), "speeds.csv", new ReaderOptions { Kind = SensorKind.RoadSpeed });

        batch.Values.ToArray().Should().Equal(100, 7, 2.5);
    }

    [Fact]
    public void Read_HeaderOnly_ReturnsAnEmptyBatch()
    {
        LongCsvReader.Read(Input.Lines("timestamp,sensor_id,count").Stream(), "counts.csv").Count.Should().Be(0);
    }

    [Fact]
    public void Read_ManyRowsAcrossBufferRefills_ReadsThemAll()
    {
        var lines = new List<string> { "timestamp,sensor_id,count" };
        for (var hour = 0; hour < 20_000; hour++)
        {
            for (var sensor = 1; sensor <= 5; sensor++)
            {
                lines.Add(FormattableString.Invariant($"{new Core.Calendar.TimeLabel(hour * 3600L)},{sensor},{hour % 97}"));
            }
        }

        var batch = LongCsvReader.Read(new ForwardOnlyStream(Input.Lines([.. lines]).Gzipped().Bytes(), chunk: 4099), "big.csv.gz");

        batch.Count.Should().Be(100_000);
        batch.Sensors.Should().HaveCount(5);
        batch[99_999].Should().Be(new Observation(new SensorId("5"), new Core.Calendar.TimeLabel(19_999 * 3600L), 19_999 % 97));
    }
}
