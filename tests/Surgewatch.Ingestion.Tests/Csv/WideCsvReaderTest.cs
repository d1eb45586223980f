using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public partial class WideCsvReaderTest
{
    private static readonly Input Sample = Input.Lines(
        "timestamp,773869,767541",
        "2012-03-01T00:00:00,64.375,67.625",
        "2012-03-01T00:05:00,,68.5",
        "2012-03-01T00:10:00,62,");

    private static readonly string[] SampleRows =
    [
        "773869@2012-03-01T00:00:00=64.375", "767541@2012-03-01T00:00:00=67.625",
        "767541@2012-03-01T00:05:00=68.5", "773869@2012-03-01T00:10:00=62",
    ];

    private static readonly ReaderOptions Speeds = new() { Kind = SensorKind.RoadSpeed };

    [Fact]
    public void Read_EmptyCells_AreMissingAndAddNothing()
    {
        var batch = WideCsvReader.Read(Sample.Stream(), "readings.csv", Speeds);

        batch.Rows().Should().Equal(SampleRows);
        batch.Sensors.Should().Equal(new SensorId("773869"), new SensorId("767541"));
    }

    [Fact]
    public void Read_GzipCrlfBomAndQuotes_ReadsTheSame()
    {
        var input = Input.Lines(
            "\"timestamp\",\"773869\",767541",
            "2012-03-01T00:00:00,\"64.375\",67.625",
            "2012-03-01T00:05:00,\"\",68.5",
            "\"2012-03-01T00:10:00\",62,").Gzipped().WithCrlf().WithBom();

        WideCsvReader.Read(input.Stream(), "readings.csv.gz", Speeds).Rows().Should().Equal(SampleRows);
    }

    [Fact]
    public void Read_TimestampColumnNotFirst_ReadsTheSame()
    {
        var input = Input.Lines("a,timestamp", "1,2014-01-01T00:00:00");

        WideCsvReader.Read(input.Stream(), "readings.csv").Rows().Should().Equal("a@2014-01-01T00:00:00=1");
    }

    [Theory]
    [InlineData("2012-03-01T00:15:00,x,1", "readings.csv line 5, field '773869': 'x' is not a number")]
    [InlineData("2012-03-01T00:15:00,1", "readings.csv line 5: expected 3 fields, one per header column, but found 2")]
    [InlineData("2012-03-01T25:00:00,1,1", "readings.csv line 5, field 'timestamp': '2012-03-01T25:00:00' is not a timestamp: 25:00:00 is not a time of day")]
    [InlineData("2012-03-01T00:05:00,1,1", "readings.csv line 5, field 'timestamp': 2012-03-01T00:05:00 was already given on line 3")]
    [InlineData("2012-03-01T00:15:00,1,Infinity", "readings.csv line 5, field '767541': 'Infinity' is not a finite number")]
    public void Read_BadRow_IsRejectedNamingLineAndField(string row, string expected)
    {
        var input = new Input(Sample.Text + row + "\n");

        var e = Rejection.Of(() => WideCsvReader.Read(input.Stream(), "readings.csv", Speeds));

        e.Lines().Should().Equal(expected);
    }

    [Fact]
    public void Read_NegativeCount_IsRejected()
    {
        var input = Input.Lines("timestamp,a", "2014-01-01T00:00:00,-1");

        var e = Rejection.Of(() => WideCsvReader.Read(input.Stream(), "readings.csv"));

        e.Lines().Should().Equal("readings.csv line 2, field 'a': '-1' is negative; pedestrian counts cannot be negative");
    }

    [Theory]
    [InlineData("a,b", "readings.csv line 1: the header has no 'timestamp' column; expected timestamp,<sensor id>,<sensor id>,...")]
    [InlineData("timestamp,a,a", "readings.csv line 1, field 'a': sensor 'a' heads columns 2 and 3")]
    [InlineData("timestamp,a,timestamp", "readings.csv line 1, field 'timestamp': column 3 repeats column 1 ('timestamp')")]
    [InlineData("timestamp,a b", "readings.csv line 1, field 'a b': a column of a wide CSV is headed by a sensor id, but 'a b' is not a valid sensor id: character ' ' is not allowed (use letters, digits and . _ : -)")]
    [InlineData("timestamp,user_id", "readings.csv line 1, field 'user_id': a column of a wide CSV is headed by a sensor id, but 'user_id' names a personal identifier (a user or customer identifier) rather than a place; Surgewatch accepts only anonymous aggregate counts")]
    [InlineData("timestamp,+61412345678", "readings.csv line 1, field '+61412345678': a column of a wide CSV is headed by a sensor id, but '+61412345678' looks like a phone number, a personal identifier; Surgewatch accepts only anonymous aggregate counts from places, not identifiers of people or their devices")]
    public void Read_BadHeader_IsRejected(string header, string expected)
    {
        var e = Rejection.Of(() => WideCsvReader.Read(Input.Lines(header).Stream(), "readings.csv"));

        e.Lines().Should().Equal(expected);
    }
}
